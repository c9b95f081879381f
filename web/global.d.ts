/**
 * Global typings for pages that use `<parley-conversation>`: `document.querySelector`
 * returns the element's class, and its `parley-*` events are typed on `addEventListener`.
 *
 * @module
 */
import type { ParleyConversation, ParleyConversationEventMap } from "./parley-conversation.js";

declare global {
  interface HTMLElementTagNameMap {
    "parley-conversation": ParleyConversation;
  }
  interface HTMLElementEventMap extends ParleyConversationEventMap {}
}
