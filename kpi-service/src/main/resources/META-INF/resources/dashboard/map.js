// The network on a world map: clusters as points, corridors as great-circle lines, from project-service's public
// GeoJSON (GET /api/v1/map). The basemap is Natural Earth 1:110m (world-atlas, served from this jar); the
// projection is d3-geo's Equal Earth. Each cluster is a link to its page; the same data is in a table below.

import {el, fill, table, countryName, words} from './format.js';

const NS = 'http://www.w3.org/2000/svg';
const STATUSES = ['SIGNATORY', 'APPLICANT', 'SUSPENDED'];

/**
 * Where the GeoJSON is: the tic-map-url meta tag ({host} stands for this page's host name), unless the console's
 * endpoint settings (localStorage "tic.console.endpoints") name project-service's API elsewhere.
 */
export function mapUrl(doc = document, loc = location) {
  let project = null;
  try { project = JSON.parse(globalThis.localStorage?.getItem('tic.console.endpoints') || '{}').project; } catch (e) { /* none */ }
  const raw = project ? new URL('map', project).href
    : doc.querySelector('meta[name="tic-map-url"]')?.content || '//{host}:8082/api/v1/map';
  return new URL(raw.replace('{host}', loc.hostname), loc.href).toString();
}

function svg(name, attrs = {}, text) {
  const node = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) {
    node.setAttribute(k, v);
  }
  if (text !== undefined) {
    node.textContent = text;
  }
  return node;
}

async function getJson(url, accept) {
  const res = await fetch(url, {headers: {Accept: accept}, cache: 'no-cache'});
  if (!res.ok) {
    throw new Error(`${url}: HTTP ${res.status}`);
  }
  return res.json();
}

export async function initMap({box, legend, list, note, clusterHref}) {
  const world = await getJson('../vendor/world-atlas/2.0.2/countries-110m.json', 'application/json');
  let network = {type: 'FeatureCollection', features: []};
  try {
    network = await getJson(mapUrl(), 'application/geo+json');
  } catch (err) {
    note.textContent = 'The clusters could not be loaded from project-service (' + err.message + '); the map shows '
      + 'the countries only.';
  }
  render(box, world, network, clusterHref);
  renderLegend(legend, network);
  renderList(list, network, clusterHref);
  document.body.dataset.map = 'rendered';
}

function render(box, world, network, clusterHref) {
  const width = 960;
  const height = 470;
  const projection = d3.geoEqualEarth().fitExtent([[6, 6], [width - 6, height - 6]], {type: 'Sphere'});
  const path = d3.geoPath(projection);
  const countries = topojson.feature(world, world.objects.countries);
  const borders = topojson.mesh(world, world.objects.countries, (a, b) => a !== b);

  const map = svg('svg', {viewBox: `0 0 ${width} ${height}`, class: 'world-map', role: 'group',
    'aria-labelledby': 'map-heading', 'aria-describedby': 'map-note'});
  map.append(svg('path', {class: 'sea', d: path({type: 'Sphere'})}));
  map.append(svg('path', {class: 'land', d: path(countries), 'aria-hidden': 'true'}));
  map.append(svg('path', {class: 'borders', d: path(borders), 'aria-hidden': 'true'}));

  const lines = svg('g', {class: 'corridors'});
  const points = svg('g', {class: 'clusters'});
  for (const f of network.features || []) {
    const p = f.properties || {};
    if (f.geometry?.type === 'LineString' && p.kind === 'corridor') {
      const line = svg('path', {class: 'corridor', d: path(f), 'data-id': f.id});
      line.append(svg('title', {}, `${p.name}: ${p.originName} → ${p.destinationName} (${words(p.stage)})`));
      lines.append(line);
    } else if (f.geometry?.type === 'Point' && p.kind === 'cluster') {
      const [x, y] = projection(f.geometry.coordinates) || [];
      if (x === undefined) {
        continue;
      }
      const label = `${p.name}, ${countryName(p.country)}: ${words(p.status).toLowerCase()}, ${words(p.type).toLowerCase()}`;
      const link = svg('a', {href: clusterHref(f.id), 'aria-label': label, 'data-id': f.id, class: 'cluster-link'});
      link.append(svg('circle', {cx: x.toFixed(1), cy: y.toFixed(1), r: 4.5, class: `cluster status-${p.status.toLowerCase()}`}));
      link.append(svg('title', {}, label));
      points.append(link);
    }
  }
  map.append(lines, points);
  box.replaceChildren(map);
}

function renderLegend(legend, network) {
  const counts = {};
  let corridors = 0;
  for (const f of network.features || []) {
    if (f.properties?.kind === 'cluster') {
      counts[f.properties.status] = (counts[f.properties.status] || 0) + 1;
    } else if (f.properties?.kind === 'corridor') {
      corridors++;
    }
  }
  const items = STATUSES.filter((s) => counts[s]).map((s) =>
    el('li', {}, el('span', {className: `swatch status-${s.toLowerCase()}`, 'aria-hidden': 'true'}), `${words(s)} (${counts[s]})`));
  items.push(el('li', {}, el('span', {className: 'swatch corridor', 'aria-hidden': 'true'}), `Corridors (${corridors})`));
  fill(legend, items);
}

function renderList(list, network, clusterHref) {
  const clusters = (network.features || []).filter((f) => f.properties?.kind === 'cluster')
    .sort((a, b) => a.properties.name.localeCompare(b.properties.name));
  const columns = ['Cluster', 'Country', 'Status', 'Type', 'Latitude', 'Longitude'].map((label, i) => ({label, num: i >= 4}));
  fill(list, table('Clusters on the map', columns, clusters.map((f) => [
    el('a', {href: clusterHref(f.id)}, f.properties.name),
    countryName(f.properties.country),
    words(f.properties.status),
    words(f.properties.type),
    f.geometry.coordinates[1].toFixed(2),
    f.geometry.coordinates[0].toFixed(2),
  ]), {empty: 'No located clusters.'}));
}
