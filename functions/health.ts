// GET /api/health: is the service up, which version, and does Table Storage answer.
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { config } from '../shared/config';
import { dependencyUnavailable } from '../shared/http/conventions';
import { registerHttp } from '../shared/functionRegistry';
import { healthProblemSchema, healthSchema } from '../shared/schemas/responses';
import { problemResponse } from '../shared/http/problem';
import { pingTableStorage } from '../shared/storage/health';

const RETRY_AFTER_SECONDS = 5;

export async function health(_request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const { version } = config();
  try {
    await pingTableStorage();
  } catch (error) {
    if (!dependencyUnavailable(error)) throw error;
    context.warn('Health check: Table Storage did not answer.');
    return problemResponse('unavailable', 'Table Storage is not answering.', {
      retryAfterSeconds: RETRY_AFTER_SECONDS,
      extensions: { version, storage: 'unavailable' },
    });
  }
  return { status: 200, jsonBody: { status: 'ok', version, storage: 'ok' } };
}

registerHttp('health', {
  route: 'api/health',
  methods: ['GET'],
  handler: health,
  docs: {
    tag: 'service',
    summary: 'Is the service up, and does Table Storage answer',
    description: 'For probes and people: no credentials needed, and it changes nothing.',
    caller: 'anyone',
    responses: {
      200: {
        description: 'Up, and Table Storage answers',
        body: { schema: healthSchema, example: { status: 'ok', version: '0.1.0', storage: 'ok' } },
      },
      503: {
        description: 'Table Storage does not answer: a problem that says which, with Retry-After',
        mediaType: 'application/problem+json',
        body: {
          schema: healthProblemSchema,
          example: {
            type: '/problems/unavailable',
            title: 'Service temporarily unavailable',
            status: 503,
            detail: 'Table Storage is not answering.',
            version: '0.1.0',
            storage: 'unavailable',
          },
        },
      },
    },
  },
});
