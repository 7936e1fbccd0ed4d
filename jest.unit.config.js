// Tier 1: pure logic beside the code (*.spec.ts). No network.
module.exports = require('./jest.preset')(['**/*.spec.ts']);
