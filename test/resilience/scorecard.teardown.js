// globalTeardown of the resilience suite: prints the scorecard (scorecard.global.js).
module.exports = require('./scorecard.global').teardown;
