// A body a partner can picture: an example on the media type or on its schema, or one composed from the schema's
// properties (the @Schema(example=...) of the record fields, which is where this code base keeps its examples).
// Composed means: the schema is typed (not `{}`) and at least one value in it, at any depth, carries an example.
const MAX_DEPTH = 12;

function hasOwnExample(schema) {
  return schema.example !== undefined
    || (Array.isArray(schema.examples) && schema.examples.length > 0)
    || schema.const !== undefined;
}

function isEmptySchema(schema) {
  return !schema || typeof schema !== 'object' || Object.keys(schema).filter(k => k !== 'description').length === 0;
}

function exemplified(schema, depth, seen) {
  if (!schema || typeof schema !== 'object' || depth > MAX_DEPTH || seen.has(schema)) {
    return false;
  }
  if (hasOwnExample(schema)) {
    return true;
  }
  seen.add(schema);
  const parts = [].concat(schema.allOf || [], schema.oneOf || [], schema.anyOf || []);
  if (parts.some(s => exemplified(s, depth + 1, seen))) {
    return true;
  }
  if (schema.items && exemplified(schema.items, depth + 1, seen)) {
    return true;
  }
  if (typeof schema.additionalProperties === 'object' && exemplified(schema.additionalProperties, depth + 1, seen)) {
    return true;
  }
  return Object.values(schema.properties || {}).some(s => exemplified(s, depth + 1, seen));
}

export default function bodyExample(mediaType) {
  if (!mediaType || typeof mediaType !== 'object') {
    return [];
  }
  if (mediaType.example !== undefined || (mediaType.examples && Object.keys(mediaType.examples).length > 0)) {
    return [];
  }
  if (isEmptySchema(mediaType.schema)) {
    return [{ message: 'an untyped body (schema {}) without an example: document its schema' }];
  }
  if (!exemplified(mediaType.schema, 0, new Set())) {
    return [{ message: 'a body without an example (on the media type, its schema, or any of its properties)' }];
  }
  return [];
}
