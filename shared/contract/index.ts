/**
 * The whole contract: every method the UI may call and every live event. Add an area by writing its
 * file beside this one and spreading it in below; the engine, the HTTP transport and the preload bridge
 * then fail to compile until they serve it.
 */
import type { ClientOf, HandlersOf } from './define.js';
import { dispatcherMethods } from './dispatcher.js';
import type { DispatcherLiveEvents } from './dispatcher-model.js';
import { type ReceiverLiveEvents, receiverMethods } from './receiver.js';
import { signingMethods } from './signing.js';
import { type SystemLiveEvents, systemMethods } from './system.js';
import { type TunnelLiveEvents, tunnelMethods } from './tunnel.js';

export const contract = {
  ...systemMethods,
  ...signingMethods,
  ...receiverMethods,
  ...tunnelMethods,
  ...dispatcherMethods,
};

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ApiClient = ClientOf<Contract>;
export type ApiHandlers = HandlersOf<Contract>;

export interface LiveEvents
  extends SystemLiveEvents,
    TunnelLiveEvents,
    ReceiverLiveEvents,
    DispatcherLiveEvents {}
export type LiveEventName = keyof LiveEvents;
export type LiveMessage = { [K in LiveEventName]: { event: K; data: LiveEvents[K] } }[LiveEventName];

export * from './define.js';
export * from './dispatcher.js';
export * from './receiver.js';
export * from './signing.js';
export * from './system.js';
export * from './tunnel.js';
