// The customer pages' stylesheet, served by the app so the Content-Security-Policy needs no 'unsafe-inline'.
import type { HttpResponseInit } from '@azure/functions';
import { registerHttp } from '../shared/functionRegistry';
import { STYLESHEET_PATH, stylesheetResponse } from '../shared/pages';

export async function stylesheet(): Promise<HttpResponseInit> {
  return stylesheetResponse();
}

registerHttp('stylesheet', { route: STYLESHEET_PATH.slice(1), methods: ['GET'], handler: stylesheet });
