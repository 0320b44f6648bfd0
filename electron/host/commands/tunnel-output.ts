/**
 * `hookscope serve --tunnel [--tunnel-host URL] [--subdomain S]`: the flags, checked with the API's own
 * schema, and what the terminal shows. The public URL goes to stdout on a line of its own (so a script
 * can `grep -m1 '^https\?://'` it); every other tunnel message goes to stderr.
 */
import { type TunnelState, type TunnelUpdate, tunnelUpdateSchema } from '../../../shared/contract/tunnel.js';
import type { Engine } from '../../core/engine.js';
import { type CliIO, UsageError } from './types.js';

export const TUNNEL_USAGE = `  --tunnel           expose the webhook receiver (never the API) through a localtunnel public URL;
                     the URL is printed on its own line. The setting is saved, like the UI's switch
  --tunnel-host URL  localtunnel server to use (default https://localtunnel.me; e.g. your own)
  --subdomain S      ask for https://S.<server>/ (4-63 lowercase letters, digits, hyphens)`;

export interface TunnelFlags {
  tunnel?: boolean | undefined;
  'tunnel-host'?: string | undefined;
  subdomain?: string | undefined;
}

/** The updateTunnel call the flags ask for, or undefined without --tunnel. Throws UsageError. */
export function tunnelRequest(flags: TunnelFlags): TunnelUpdate | undefined {
  if (!flags.tunnel) {
    if (flags['tunnel-host'] !== undefined || flags.subdomain !== undefined) {
      throw new UsageError('--tunnel-host and --subdomain only apply with --tunnel');
    }
    return undefined;
  }
  const request = {
    enabled: true,
    ...(flags['tunnel-host'] !== undefined ? { host: flags['tunnel-host'] } : {}),
    ...(flags.subdomain !== undefined ? { subdomain: flags.subdomain } : {}),
  };
  const parsed = tunnelUpdateSchema.safeParse(request);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const flag = issue?.path[0] === 'host' ? '--tunnel-host' : '--subdomain';
    throw new UsageError(`${flag}: ${issue?.message ?? 'invalid value'}`);
  }
  return request;
}

/** Reports the tunnel's state changes on the terminal until the returned function is called. */
export function reportTunnel(engine: Engine, io: CliIO): () => void {
  let printedUrl: string | undefined;
  let last: TunnelState | undefined;
  const show = (state: TunnelState) => {
    const previous = last;
    last = state;
    const changed = state.state !== previous?.state;
    switch (state.state) {
      case 'connecting':
        if (changed) io.stderr(`hookscope: tunnel: connecting to ${state.host}…\n`);
        break;
      case 'online':
        if (state.url && state.url !== printedUrl) {
          printedUrl = state.url;
          io.stdout(`${state.url}\n`);
          if (state.notice) io.stderr(`hookscope: tunnel: ${state.notice}\n`);
        } else if (changed) io.stderr('hookscope: tunnel: back online\n');
        break;
      case 'reconnecting':
        if (changed)
          io.stderr(`hookscope: tunnel: lost (${state.error ?? 'no reason given'}); reconnecting…\n`);
        break;
      case 'error':
        if (changed || state.error !== previous?.error) {
          const next = state.retryAt ? '; retrying' : '; fix the host or subdomain (hookscope serve --help)';
          io.stderr(`hookscope: tunnel error: ${state.error ?? 'unknown'}${next}\n`);
        }
        break;
      case 'off':
        if (previous && changed) io.stderr('hookscope: tunnel: off\n');
        break;
    }
  };
  const unsubscribe = engine.live.subscribe((message) => {
    if (message.event === 'tunnel') show(message.data);
  });
  // A tunnel left on in the saved settings is already under way.
  if (engine.tunnel.state.state !== 'off') show(engine.tunnel.state);
  return unsubscribe;
}
