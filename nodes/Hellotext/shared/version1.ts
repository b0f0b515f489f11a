import { NodeOperationError, type INode } from 'n8n-workflow';

/**
 * Node version 2 (package 0.2) gave every parameter its own name (see parameters.ts). n8n drops
 * the values of a workflow's parameters whose names the node no longer has, so a version 1 node
 * would silently send nothing for them. Version 1 nodes keep running the operations whose
 * parameters kept their names, and stop with this table's advice on the others.
 *
 * One line per operation: `resource:operation old=new ...` (the 0.1 name, then the 0.2 one).
 */
const RENAMED_IN_VERSION_2 = `
action:create name=actionName additionalFields=actionAdditionalFields
action:update name=actionName updateFields=actionUpdateFields
app:create name=appName additionalFields=appAdditionalFields
app:update updateFields=appUpdateFields
cart:create profileId=cartProfileId session=cartSession additionalFields=cartAdditionalFields
cart:update updateFields=cartUpdateFields
coupon:create additionalFields=couponAdditionalFields
coupon:update updateFields=couponUpdateFields
event:track additionalFields=eventAdditionalFields
event:update updateFields=eventUpdateFields
form:create name=formName additionalFields=formAdditionalFields
form:update updateFields=formUpdateFields
list:create name=listName
list:update name=listName
list:getAll filters=listFilters
list:addProfile profileId=listProfileId
list:removeProfile profileId=listProfileId
order:create additionalFields=orderAdditionalFields
order:update updateFields=orderUpdateFields
orderItem:create orderId=orderItemOrderId productId=orderItemProductId additionalFields=orderItemAdditionalFields
orderItem:update orderId=orderItemOrderId updateFields=orderItemUpdateFields
orderItem:delete orderId=orderItemOrderId
product:create name=productName additionalFields=productAdditionalFields
product:update updateFields=productUpdateFields
productVariant:create productId=productVariantProductId name=productVariantName additionalFields=productVariantAdditionalFields
productVariant:update name=productVariantName updateFields=productVariantUpdateFields
profile:create additionalFields=profileAdditionalFields
profile:update updateFields=profileUpdateFields
profile:upsert matchValue=email/phone additionalFields=profileAdditionalFields
profile:getAll filters=profileFilters
property:create profileId=propertyProfileId additionalFields=propertyAdditionalFields
property:update updateFields=propertyUpdateFields
property:getAll filters=propertyFilters
refund:create additionalFields=refundAdditionalFields
refund:update updateFields=refundUpdateFields
session:attachProfile profileId=sessionProfileId
`;

/** `resource:operation` to its renames, [old, new] each. */
export const RENAMES: ReadonlyMap<string, Array<[string, string]>> = new Map(
	RENAMED_IN_VERSION_2.trim()
		.split('\n')
		.map((line) => {
			const [operation, ...pairs] = line.trim().split(/\s+/);
			return [operation, pairs.map((pair) => pair.split('=') as [string, string])];
		}),
);

/**
 * Refuses to run a version 1 node on an operation whose parameters were renamed: its values
 * under the old names are gone, and sending without them would change data the user did not
 * mean to change.
 */
export function refuseRenamedVersion1(node: INode, itemIndex: number): void {
	if (node.typeVersion >= 2) return;
	const key = `${String(node.parameters.resource)}:${String(node.parameters.operation)}`;
	const renames = RENAMES.get(key);
	if (!renames) return;
	throw new NodeOperationError(
		node,
		'This Hellotext node is from version 0.1 of n8n-nodes-hellotext, whose parameters for this operation were renamed',
		{
			itemIndex,
			description: `Its values under the old names are no longer read, so nothing was sent. Add a new Hellotext node for this operation and fill in its fields again. Renamed: ${renames.map(([from, to]) => `${from} → ${to}`).join(', ')}.`,
		},
	);
}
