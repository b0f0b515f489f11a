// Lints what n8n lints in community packages: eslint-plugin-n8n-nodes-base's community,
// credentials and nodes rule sets, and @n8n/eslint-plugin-community-nodes' recommended set.
import communityNodes from '@n8n/eslint-plugin-community-nodes';
import tsParser from '@typescript-eslint/parser';
import n8nNodesBase from 'eslint-plugin-n8n-nodes-base';
import jsoncParser from 'jsonc-eslint-parser';

const legacy = n8nNodesBase.configs;

export default [
	{ ignores: ['dist/**', 'node_modules/**', 'test/**', 'bench/**', 'scripts/**', '*.config.*', 'gulpfile.js', 'examples/**'] },
	{
		files: ['package.json'],
		languageOptions: { parser: jsoncParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: legacy.community.rules,
	},
	{
		files: ['credentials/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...legacy.credentials.rules,
			// Main-repository rule (it wants a docs.n8n.io slug); community credentials link out.
			'n8n-nodes-base/cred-class-field-documentation-url-miscased': 'off',
		},
	},
	{
		files: ['nodes/**/*.ts'],
		languageOptions: { parser: tsParser },
		plugins: { 'n8n-nodes-base': n8nNodesBase },
		rules: {
			...legacy.nodes.rules,
			// These want the string 'main'; the community plugin's node-connection-type-literal
			// wants NodeConnectionTypes.Main. The newer plugin wins.
			'n8n-nodes-base/node-class-description-inputs-wrong-regular-node': 'off',
			'n8n-nodes-base/node-class-description-outputs-wrong': 'off',
		},
	},
	{
		...communityNodes.configs.recommended,
		files: ['credentials/**/*.ts', 'nodes/**/*.ts', 'package.json'],
		languageOptions: { parser: tsParser },
	},
];
