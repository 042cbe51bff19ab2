import { defineRule } from '../rule.ts';

type A = { mediaType: string; status: string };

export const responseMediaTypeRemoved = defineRule<'media', A>({
  id: 'response-media-type-removed',
  severity: 'breaking',
  reason: 'a client reading that media type gets another one',
  summary: 'A response no longer has a media type a client may be reading.',
  site: 'media',
  direction: 'response',
  location: 'response',
  check: (site) =>
    site.old && !site.new
      ? [
          {
            args: { mediaType: site.mediaType, status: site.status ?? '' },
            oldPointer: site.old.pointer,
          },
        ]
      : [],
  message: (a) => `response ${a.status} no longer has ${a.mediaType} content`,
});
