// A paged list (one that takes ?page=) answers platform-commons PageResponse: items, page, size, totalItems and
// totalPages (totalItemsExact may come with them); and an answer of that shape is paged by ?page= and ?size=.
const FIELDS = { items: 'array', page: 'integer', size: 'integer', totalItems: 'integer', totalPages: 'integer' };

function type(schema) {
  const t = schema && schema.type;
  return Array.isArray(t) ? t.filter(x => x !== 'null')[0] : t;
}

function jsonBodies(operation) {
  const out = [];
  for (const [code, response] of Object.entries(operation.responses || {})) {
    if (!String(code).startsWith('2')) continue;
    for (const [mediaType, media] of Object.entries((response && response.content) || {})) {
      if (/json/.test(mediaType) && media && media.schema) out.push({ code, mediaType, schema: media.schema });
    }
  }
  return out;
}

export default function pageShape(operation, _options, context) {
  if (!operation || typeof operation !== 'object') return [];
  const queryParameters = (operation.parameters || []).filter(p => p && p.in === 'query').map(p => p.name);
  const paged = queryParameters.includes('page');
  const results = [];
  for (const body of jsonBodies(operation)) {
    const properties = body.schema.properties || {};
    const looksPaged = 'totalItems' in properties || 'totalPages' in properties;
    if (!paged && !looksPaged) continue;
    const wrong = Object.entries(FIELDS)
      .filter(([name, t]) => !properties[name] || type(properties[name]) !== t)
      .map(([name, t]) => `${name} (${t})`);
    if (wrong.length > 0) {
      results.push({
        message: `a paged list whose ${body.code} ${body.mediaType} answer lacks ${wrong.join(', ')}`,
        path: [...context.path, 'responses', body.code, 'content', body.mediaType, 'schema'],
      });
    }
    for (const p of ['page', 'size']) {
      if (!queryParameters.includes(p)) {
        results.push({ message: `a paged answer without the ?${p}= query parameter`, path: [...context.path, 'parameters'] });
      }
    }
  }
  return results;
}
