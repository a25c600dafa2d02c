// Validates every object of the YAML files named on the command line against the Kubernetes
// OpenAPI schema, with the classes of the npm package kubernetes-models. Prints one line per
// object ("ok Kind/name" or "invalid Kind/name: problems") and exits 1 when any is invalid.
'use strict';
const fs = require('fs');
const yaml = require('js-yaml');

const groups = {
  'v1': require('kubernetes-models/v1'),
  'apps/v1': require('kubernetes-models/apps/v1'),
  'batch/v1': require('kubernetes-models/batch/v1'),
};

let failed = false;
for (const file of process.argv.slice(2)) {
  for (const object of yaml.loadAll(fs.readFileSync(file, 'utf8'))) {
    if (object === null || object === undefined) {
      continue;
    }
    const id = `${object.kind}/${object.metadata && object.metadata.name}`;
    const group = groups[object.apiVersion];
    const Model = group && group[object.kind];
    if (!Model) {
      console.log(`invalid ${id}: no model for apiVersion ${object.apiVersion} kind ${object.kind}`);
      failed = true;
      continue;
    }
    try {
      new Model(object).validate();
      console.log(`ok ${id}`);
    } catch (e) {
      console.log(`invalid ${id}: ${String(e.message || e).replace(/\n/g, ' ')}`);
      failed = true;
    }
  }
}
process.exit(failed ? 1 : 0);
