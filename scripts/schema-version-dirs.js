// The folders n8n looks in for a node's output schemas, one per version the node runs as, each
// padded to three parts ("v1.0.0"): the editor asks with the node's own typeVersion and does not
// fall back to another. Used by the build (gulpfile.js), which writes the one source copy of the
// schemas into each, and by the schema tests.
/** @param {number | number[]} version the node description's `version` */
module.exports = function schemaVersionDirs(version) {
	return (Array.isArray(version) ? version : [version]).map(
		(v) => `v${String(v).split('.').concat(['0', '0']).slice(0, 3).join('.')}`,
	);
};
