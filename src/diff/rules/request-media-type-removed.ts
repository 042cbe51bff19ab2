import { defineRule } from '../rule.ts';

type A = { mediaType: string };

export const requestMediaTypeRemoved = defineRule<'media', A>({
  id: 'request-media-type-removed',
  severity: 'breaking',
  reason: 'requests in that media type are rejected',
  summary: 'The request body no longer accepts a media type.',
  site: 'media',
  direction: 'request',
  location: 'request',
  check: (site) =>
    site.old && !site.new ? [{ args: { mediaType: site.mediaType }, oldPointer: site.old.pointer }] : [],
  message: (a) => `the request body no longer accepts ${a.mediaType}`,
});
