// GET /api/health: is the service up, which version, and does Table Storage answer.
import type { HttpRequest, HttpResponseInit, InvocationContext } from '@azure/functions';
import { config } from '../shared/config';
import { dependencyUnavailable } from '../shared/http/conventions';
import { registerHttp } from '../shared/functionRegistry';
import { healthSchema } from '../shared/schemas/responses';
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
    summary: 'Is the service up, and does Table Storage answer',
    caller: 'anyone',
    responses: { 200: { description: 'Up', schema: healthSchema } },
  },
});
