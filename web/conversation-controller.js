// @ts-check
/**
 * A Lit reactive controller over {@link ConversationClient}: it connects when its host
 * is added to a document (if asked to), disconnects when the host is removed, and asks
 * the host to update after every change of the client's state.
 *
 * @module
 */
import { ConversationClient } from "./client.js";

/** @typedef {import("lit").ReactiveController} ReactiveController */
/** @typedef {import("lit").ReactiveControllerHost} ReactiveControllerHost */
/** @typedef {import("./client.js").ConversationClientOptions} ConversationClientOptions */

/**
 * @typedef {object} ControllerConfig
 * @property {string} server
 * @property {string} clientId
 * @property {boolean} autoConnect
 */

/**
 * Owns the {@link ConversationClient} of one element: made by {@link configure}, connected
 * and disconnected with the host, and the host re-rendered on each change.
 *
 * @implements {ReactiveController}
 */
export class ConversationController {
  /** @type {ReactiveControllerHost} */
  #host;
  /** @type {(client: ConversationClient) => void} */
  #onClient;
  /** @type {Omit<ConversationClientOptions, "server" | "clientId">} */
  #options;
  /** @type {ConversationClient | null} */
  #client = null;
  /** @type {string} */
  #key = "";
  #autoConnect = false;
  #hostConnected = false;
  /** @type {(() => void) | null} */
  #unsubscribe = null;

  /**
   * Adds itself to `host`; no client exists until {@link configure}.
   *
   * @param {ReactiveControllerHost} host
   * @param {{
   *   options?: Omit<ConversationClientOptions, "server" | "clientId">,
   *   onClient?: (client: ConversationClient) => void,
   * }} [init] `onClient` is called with each new client, to add listeners to it.
   */
  constructor(host, init = {}) {
    this.#host = host;
    this.#options = init.options ?? {};
    this.#onClient = init.onClient ?? (() => {});
    host.addController(this);
  }

  /**
   * The current client, or `null` before {@link configure}.
   *
   * @returns {ConversationClient | null}
   */
  get client() {
    return this.#client;
  }

  /**
   * Points the controller at a server and client id; a change replaces the client.
   * @param {ControllerConfig} config
   * @returns {void}
   */
  configure(config) {
    this.#autoConnect = config.autoConnect;
    const key = `${config.server}\n${config.clientId}`;
    if (key === this.#key && this.#client) return;
    this.#key = key;
    this.#dispose();
    const client = new ConversationClient({
      ...this.#options,
      server: config.server,
      clientId: config.clientId,
    });
    this.#client = client;
    this.#unsubscribe = client.subscribe(() => this.#host.requestUpdate());
    this.#onClient(client);
    if (this.#hostConnected && this.#autoConnect) client.connect();
    this.#host.requestUpdate();
  }

  /**
   * Lit calls it when the host is added to a document: connects if `autoConnect`.
   *
   * @returns {void}
   */
  hostConnected() {
    this.#hostConnected = true;
    if (this.#autoConnect) this.#client?.connect();
  }

  /**
   * Lit calls it when the host is removed: disconnects (close code 1001).
   *
   * @returns {void}
   */
  hostDisconnected() {
    this.#hostConnected = false;
    this.#client?.disconnect(1001, "Element removed");
  }

  #dispose() {
    this.#unsubscribe?.();
    this.#unsubscribe = null;
    this.#client?.disconnect();
    this.#client = null;
  }
}
