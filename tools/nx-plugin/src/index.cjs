// @strata/nx-plugin: Strata's local Nx plugin. Generators run through `nx g @strata/nx-plugin:<name>`;
// they are also exported here for programmatic use (another generator, a test).
'use strict';

const layerPluginGenerator = require('./generators/layer-plugin/generator.cjs');

module.exports = { layerPluginGenerator };
