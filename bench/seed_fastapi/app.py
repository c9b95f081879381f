"""The seed's FastAPI stack as a benchmark comparator.

A FastAPI WebSocket endpoint `/ws/{client_id}` that plays a recorded Parley conversation
(bench/_script.ts writes it; its path comes from PARLEY_BENCH_SCRIPT) with the seed's frame
shapes: `send_json({"type": ..., "data": ...})`, the first segment on connect, the next
one after each `{"answer": ...}` the client sends. No agents, no store.

Run by `deno task bench` with Debian's packages:
    apt-get install -y python3-fastapi python3-uvicorn python3-websockets
    PARLEY_BENCH_SCRIPT=script.json python3 -m uvicorn app:app --port 8002 --ws websockets
"""

import json
import os

from fastapi import FastAPI, WebSocket, WebSocketDisconnect

with open(os.environ["PARLEY_BENCH_SCRIPT"], encoding="utf-8") as f:
    SEGMENTS = json.load(f)["segments"]

app = FastAPI()


async def send_message(websocket: WebSocket, message_type: str, data) -> None:
    """The seed's helper: one JSON text frame of type and data."""
    await websocket.send_json({"type": message_type, "data": data})


@app.websocket("/ws/{client_id}")
async def conversation(websocket: WebSocket, client_id: str) -> None:
    await websocket.accept()
    try:
        for i, segment in enumerate(SEGMENTS):
            while i > 0:
                message = await websocket.receive_json()
                if isinstance(message, dict) and "answer" in message:
                    break
            for frame in segment:
                await send_message(websocket, frame["type"], frame["data"])
        # Hold the socket until the client closes it after `complete`, as the seed does.
        while True:
            await websocket.receive_text()
    except WebSocketDisconnect:
        pass
