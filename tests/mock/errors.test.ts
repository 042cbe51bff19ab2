import { describe, expect, it } from 'vitest';
import { catalogueError, ERROR_CATALOGUE, requestIdFor } from '../../src/mock/http/errors.ts';
import { findings } from './helpers.ts';

describe('error catalogue', () => {
  it('gives every entry the error.list shape, valid against the documented error schema', () => {
    for (const id of Object.keys(ERROR_CATALOGUE) as Array<keyof typeof ERROR_CATALOGUE>) {
      const { status, body } = catalogueError(id, requestIdFor(1, 1));
      expect(status).toBeGreaterThanOrEqual(400);
      expect(body).toEqual({
        type: 'error.list',
        request_id: expect.any(String),
        errors: [{ code: expect.any(String), message: expect.any(String) }],
      });
      // retrieveConversation documents 404 with Intercom's `error` schema
      expect(findings('2.11', 'retrieveConversation', 404, body)).toEqual([]);
    }
  });

  it('derives request ids from the seed and the request number', () => {
    expect(requestIdFor(1, 7)).toBe(requestIdFor(1, 7));
    expect(requestIdFor(1, 7)).not.toBe(requestIdFor(1, 8));
    expect(requestIdFor(2, 7)).not.toBe(requestIdFor(1, 7));
  });
});
