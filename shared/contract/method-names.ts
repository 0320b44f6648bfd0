/**
 * The method names alone, for the Electron preload (which must stay tiny and cannot load zod).
 * The type check below fails to compile when a method is added to the contract but not here.
 */
import type { MethodName } from './index.js';

export const METHOD_NAMES = [
  'health',
  'getSettings',
  'updateSettings',
  'listAudit',
  'listKeys',
  'createKey',
  'getKey',
  'getPublicKeyPem',
  'deleteKey',
  'verifySignature',
  'signBody',
  'getCertificate',
  'listEndpoints',
  'createEndpoint',
  'getEndpoint',
  'updateEndpoint',
  'deleteEndpoint',
  'listCaptures',
  'getCapture',
  'deleteCapture',
  'replayCapture',
  'getCaptureCurl',
  'exportHar',
  'importCaptures',
  'getCertificatePem',
  'getTunnel',
  'updateTunnel',
  'getCatalog',
  'addCustomEventType',
  'deleteCustomEventType',
  'listSubscriptions',
  'createSubscription',
  'getSubscription',
  'updateSubscription',
  'deleteSubscription',
  'testSubscription',
  'getSubscriptionStats',
  'fireEvent',
  'fireOnce',
  'listDeliveries',
  'getDelivery',
  'retryDelivery',
  'cancelDelivery',
  'getClock',
  'setClock',
  'stepClock',
  'listScenarios',
  'runScenario',
] as const satisfies readonly MethodName[];

type Missing = Exclude<MethodName, (typeof METHOD_NAMES)[number]>;
// If this line fails to compile, add the method named in the error to METHOD_NAMES.
export const methodNamesAreComplete: [Missing] extends [never] ? true : Missing = true;

/** The IPC channel for a method; one per method, never a generic channel. */
export const ipcChannel = (name: MethodName): string => `hookscope:${name}`;
export const LIVE_CHANNEL = 'hookscope:live';
