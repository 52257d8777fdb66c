/** Keyboard commands (declared in the manifest) turned into messages to the active tab. */
import type { ToContent } from '../messaging/to-content';

/** The content message a command sends, or null for a command Puente does not know. */
export function commandMessage(command: string): Parameters<ToContent['stepMention']>[0] | null {
  if (command === 'next-mention') return { direction: 'next' };
  if (command === 'previous-mention') return { direction: 'previous' };
  return null;
}
