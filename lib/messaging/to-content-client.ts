/** The messenger Puente's pages use to ask a tab's content script (kept out of the content bundle). */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { ToContent } from './to-content';

export const toContent = defineExtensionMessaging<ToContent>();
