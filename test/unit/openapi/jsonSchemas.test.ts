// zod schemas as the OpenAPI document's JSON Schemas: named ones are components, referenced; the rest inline.
import { z } from 'zod';
import { componentSchemas } from '../../../shared/openapi/jsonSchemas';

const time = z.iso.datetime();
const widget = z.object({ name: z.string(), madeAt: time }).meta({ id: 'Widget', description: 'A widget' });
const crate = z.object({ widgets: z.array(widget) }).meta({ id: 'Crate' });
const lid = z.object({ colour: z.string().default('red') }).meta({ id: 'Lid' });

describe('the document schemas of zod schemas', () => {
  it('a named schema is a $ref to its component, and the components it needs come along', () => {
    const schemas = componentSchemas();
    expect(schemas.of(crate, 'output')).toEqual({ $ref: '#/components/schemas/Crate' });
    expect(schemas.components()).toEqual({
      Crate: {
        type: 'object',
        properties: { widgets: { type: 'array', items: { $ref: '#/components/schemas/Widget' } } },
        required: ['widgets'],
        additionalProperties: false,
      },
      Widget: {
        type: 'object',
        description: 'A widget',
        properties: { name: { type: 'string' }, madeAt: { type: 'string', format: 'date-time' } },
        required: ['name', 'madeAt'],
        additionalProperties: false,
      },
    });
  });

  it('an unnamed schema is inline, with the named schemas in it as references', () => {
    const schemas = componentSchemas();
    expect(schemas.of(widget.array(), 'output')).toEqual({
      type: 'array',
      items: { $ref: '#/components/schemas/Widget' },
    });
    expect(Object.keys(schemas.components())).toEqual(['Widget']);
  });

  it('requests are documented as sent (defaults optional), answers as answered', () => {
    const asRequest = componentSchemas();
    asRequest.of(lid, 'input');
    expect(asRequest.components().Lid).not.toHaveProperty('required');
    const asAnswer = componentSchemas();
    asAnswer.of(lid, 'output');
    expect(asAnswer.components().Lid).toHaveProperty('required', ['colour']);
  });

  it('refuses a name whose shape differs between a request and an answer', () => {
    const schemas = componentSchemas();
    schemas.of(lid, 'input');
    schemas.of(lid, 'output');
    expect(() => schemas.components()).toThrow('Lid reads differently in a request and in an answer');
  });
});
