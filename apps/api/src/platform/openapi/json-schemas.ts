import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

const COMPONENT = '#/components/schemas/';
const TARGET = 'draft-2020-12';

const withoutDialect = ({ $schema: _dialect, ...schema }: JsonSchema): JsonSchema => schema;

/**
 * Converts the schemas the API answers with into OpenAPI 3.1 (JSON Schema 2020-12). Schemas named
 * with `.meta({ id })` in libs/contracts become components referenced by `$ref`; every other schema
 * is written inline where it is used.
 */
export class ResponseSchemas {
  private readonly registry = z.registry<{ id: string }>();
  private readonly inline = new Set<string>();
  private readonly named = new Map<z.ZodType, string>();

  constructor() {
    for (const [id, schema] of z.globalRegistry._idmap) {
      this.registry.add(schema as z.ZodType, { id });
      this.named.set(schema as z.ZodType, id);
    }
  }

  /** A reference to the schema, resolved by `emit()`. */
  use(schema: z.ZodType, whereUsed: string): JsonSchema {
    const id = this.named.get(schema);
    if (id) return { $ref: COMPONENT + id };
    const key = `inline:${whereUsed}`;
    this.named.set(schema, key);
    this.registry.add(schema, { id: key });
    this.inline.add(key);
    return { $ref: COMPONENT + key };
  }

  /** The components, and the inline schemas to put back where they are used. */
  emit(): { components: Record<string, JsonSchema>; inline: Map<string, JsonSchema> } {
    const { schemas } = z.toJSONSchema(this.registry, {
      target: TARGET,
      io: 'output',
      unrepresentable: 'any',
      metadata: this.registry,
      uri: (id) => COMPONENT + id,
    });
    const components: Record<string, JsonSchema> = {};
    const inline = new Map<string, JsonSchema>();
    for (const [id, schema] of Object.entries(schemas)) {
      if (this.inline.has(id)) inline.set(COMPONENT + id, withoutDialect(schema as JsonSchema));
      else components[id] = withoutDialect(schema as JsonSchema);
    }
    return { components, inline };
  }
}

/** A request schema (body, query or path parameter) as JSON Schema, inline: what a client may send, before defaults. */
export const requestSchema = (schema: z.ZodType): JsonSchema =>
  withoutDialect(z.toJSONSchema(schema, { target: TARGET, io: 'input', unrepresentable: 'any', metadata: z.registry() }) as JsonSchema);

/** Replaces each `$ref` to an inline schema by the schema itself. */
export function resolveInline<T>(value: T, inline: Map<string, JsonSchema>): T {
  if (Array.isArray(value)) return value.map((v) => resolveInline(v, inline)) as T;
  if (value && typeof value === 'object') {
    const ref = (value as { $ref?: unknown }).$ref;
    if (typeof ref === 'string' && inline.has(ref)) return resolveInline(inline.get(ref), inline) as T;
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveInline(v, inline)])) as T;
  }
  return value;
}
