// The formats the generated validators check (required by the standalone code as
// `intercom-conformance/formats`): ajv-formats' full set, plus `unix-time` for OpenAPI's
// `format: date-time` on integers, which Intercom uses for Unix timestamps in seconds.
const { fullFormats } = require('ajv-formats/dist/formats');

/** Latest accepted timestamp: 9999-12-31T23:59:59Z. Milliseconds (13 digits) are rejected. */
const MAX_UNIX_SECONDS = 253402300799;

const formats = {
  ...fullFormats,
  'unix-time': {
    type: 'number',
    validate: (n) => Number.isInteger(n) && n >= 0 && n <= MAX_UNIX_SECONDS,
  },
};

module.exports = formats;
