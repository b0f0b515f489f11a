// Copies what the compiled code needs next to it: the SVG icons, where the `file:` icon paths
// resolve, and the output schemas, kept in the source where n8n looks for them
// (<node folder>/__schema__/v1.0.0/<resource>/<operation>.json).
const { parallel, src, dest } = require('gulp');

function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

function copySchemas() {
	return src('nodes/**/__schema__/**/*.json').pipe(dest('dist/nodes'));
}

exports['build:icons'] = buildIcons;
exports['build:schemas'] = copySchemas;
exports['build:assets'] = parallel(buildIcons, copySchemas);
exports.default = exports['build:assets'];
