import { defineRule } from '../rule.ts';

type A = { added: boolean };

export const requestBodyBecameRequired = defineRule<'request-body', A>({
  id: 'request-body-became-required',
  severity: 'breaking',
  reason: 'requests without a body are rejected',
  summary: 'The request body became required (or a required body was added).',
  site: 'request-body',
  location: 'request',
  check: (site) =>
    site.new?.required && !site.old?.required
      ? [
          {
            args: { added: !site.old },
            ...(site.old ? { oldPointer: site.old.pointer } : {}),
            newPointer: site.new.pointer,
          },
        ]
      : [],
  message: (a) => (a.added ? 'a required request body was added' : 'the request body became required'),
});
