import type { INodeProperties, INodePropertyMode } from 'n8n-workflow';

export interface LocatorSpec {
	/** Node parameter name, e.g. `profileId`; also the `{placeholder}` in operation paths. */
	name: string;
	displayName: string;
	/** The listSearch method behind "From List". */
	searchListMethod: string;
	searchPlaceholder?: string;
	description?: string;
	/** Adds a "By Name" mode, for resources the API also addresses by name (lists). */
	byName?: boolean;
	/** Adds "By Reference or SKU", for products and variants. */
	byReference?: boolean;
	required?: boolean;
}

const mode = (
	displayName: string,
	name: string,
	type: INodePropertyMode['type'],
	extra: Partial<INodePropertyMode> = {},
): INodePropertyMode => ({ displayName, name, type, ...extra });

/** A resource locator: pick from a searchable list, or give the ID (or name / reference). */
export function idLocator(spec: LocatorSpec): INodeProperties {
	const modes: INodePropertyMode[] = [
		mode('From List', 'list', 'list', {
			placeholder: spec.searchPlaceholder,
			typeOptions: { searchListMethod: spec.searchListMethod, searchable: true },
		}),
		mode('By ID', 'id', 'string', { placeholder: 'e.g. MzYwlE50' }),
	];
	if (spec.byName) modes.push(mode('By Name', 'name', 'string', { placeholder: 'e.g. VIP customers' }));
	if (spec.byReference) {
		modes.push(mode('By Reference or SKU', 'reference', 'string', { placeholder: 'e.g. SKU-1234' }));
	}
	return {
		displayName: spec.displayName,
		name: spec.name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: spec.required ?? true,
		description: spec.description,
		modes,
	};
}
