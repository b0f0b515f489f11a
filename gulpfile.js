// Copies what the compiled code needs next to it: the SVG icons, where the `file:` icon paths
// resolve, and the output schemas, where n8n looks for them (<node folder>/__schema__/v<version>/...).
const { parallel, src, dest } = require('gulp');

const schemaVersionDirs = require('./scripts/schema-version-dirs');

function buildIcons() {
	return src('icons/*.svg').pipe(dest('dist/icons'));
}

/**
 * The schemas are kept once in the source (nodes/Hellotext/__schema__/<resource>/<operation>.json):
 * the operations answer the same at every node version. Each version the compiled node declares
 * gets its own copy, since n8n reads only the folder of the version asked for.
 */
function copySchemas() {
	const { Hellotext } = require('./dist/nodes/Hellotext/Hellotext.node.js');
	const copies = schemaVersionDirs(new Hellotext().description.version).map((dir) =>
		src('nodes/Hellotext/__schema__/**/*.json').pipe(dest(`dist/nodes/Hellotext/__schema__/${dir}`)),
	);
	return Promise.all(copies.map((stream) => new Promise((resolve, reject) => stream.on('finish', resolve).on('error', reject))));
}

exports['build:icons'] = buildIcons;
exports['build:schemas'] = copySchemas;
exports['build:assets'] = parallel(buildIcons, copySchemas);
exports.default = exports['build:assets'];
