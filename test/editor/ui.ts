// What a user does in n8n's editor, by what they see: labels, roles, and n8n's own data-test-id
// attributes; never CSS layout or the node's internal parameter names.
import type { Locator, Page } from 'playwright-core';

export async function signIn(page: Page, url: string, owner: { email: string; password: string }) {
	await page.goto(`${url}/signin`);
	await page.getByRole('textbox', { name: 'Email' }).fill(owner.email);
	await page.getByRole('textbox', { name: 'Password' }).fill(owner.password);
	await page.getByRole('button', { name: 'Sign in' }).click();
	await page.waitForURL((location) => !location.pathname.startsWith('/signin'));
}

/** An open workflow by id (the examples' ids are in examples/*.json). */
export async function openWorkflow(page: Page, url: string, id: string) {
	await page.goto(`${url}/workflow/${id}`);
	await page.getByRole('button', { name: 'Open nodes panel' }).waitFor();
}

/**
 * A new workflow started by n8n's manual trigger, so the node panel offers actions next ("What
 * happens next?") and a node added after it runs once.
 */
export async function newWorkflow(page: Page, url: string) {
	await openWorkflow(page, url, 'new');
	await page.getByRole('button', { name: 'Open nodes panel' }).click();
	// The panel opens on "What triggers this workflow?", whose first entry is "Trigger manually". Not
	// searched for: a search lists the same node as "Manual Trigger", and once CI clicked the entry
	// just as the search re-rendered the list under it.
	await panelEntry(page.getByTestId('node-creator'), 'Trigger manually').click();
	await page.getByTestId('canvas-node').first().waitFor();
	await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
}

/** The node panel, searched for Hellotext, with the Hellotext node's actions listed. */
export async function openHellotextActions(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Open nodes panel' }).click();
	const panel = page.getByTestId('node-creator');
	await panel.getByTestId('node-creator-search-bar').fill('Hellotext');
	// Only in the search's results, so found once the list is re-rendered.
	await panelEntry(panel, 'Hellotext').click();
	// In an empty workflow the panel offers triggers first, the actions folded under "Actions (n)".
	const actions = panel.getByTestId('node-creator-category-item').filter({ hasText: /^\s*Actions \(\d+\)/ });
	await actions.waitFor();
	const folded = panel.locator('[data-category-collapsed="true"]').filter({ has: actions });
	if (await folded.count()) await actions.click();
	await panel.getByTestId('node-creator-item-name').filter({ hasText: /^\s*Create a profile\s*$/ }).waitFor();
	return panel;
}

/**
 * The node panel's entry named exactly `name`: the whole row, as n8n's own editor tests click it.
 * Click it only once the list shows what it will show: typing into the search re-renders the list.
 */
export function panelEntry(panel: Locator, name: string): Locator {
	return panel
		.getByTestId('item-iterator-item')
		.filter({ has: panel.page().getByTestId('node-creator-item-name').getByText(name, { exact: true }) })
		.first();
}

/** Adds the Hellotext node for one action ("Create a profile") and returns its open details view. */
export async function addHellotextAction(page: Page, action: string): Promise<Locator> {
	const panel = await openHellotextActions(page);
	await panelEntry(panel, action).click();
	const ndv = page.getByTestId('ndv');
	// Rendered: what is on top (or not) can be told from here on.
	await field(ndv, 'Operation').waitFor();
	return ndv;
}

/** A node's details view opened from the canvas by its name. */
export async function openNode(page: Page, name: string): Promise<Locator> {
	await page.getByTestId('canvas-node').filter({ hasText: name }).first().dblclick();
	const ndv = page.getByTestId('ndv');
	await ndv.waitFor();
	return ndv;
}

export async function closeNode(page: Page) {
	await page.getByTestId('ndv-close-button').click();
	await page.getByTestId('ndv').waitFor({ state: 'hidden' });
}

/** The parameter whose label reads `label` (the innermost, so a collection's field, not the collection). */
export function field(scope: Locator, label: string): Locator {
	const page = scope.page();
	return scope
		.getByTestId('parameter-item')
		.filter({ has: page.getByTestId('input-label').getByText(label, { exact: true }) })
		.filter({ hasNot: page.getByTestId('parameter-item') });
}

/** The field labels shown in a details view, top to bottom. */
export async function fieldLabels(scope: Locator): Promise<string[]> {
	const labels = await scope.getByTestId('parameter-item').getByTestId('input-label').allInnerTexts();
	return labels.map((label) => label.split('\n')[0].trim()).filter(Boolean);
}

/** Types into the text or number field labelled `label`. */
export async function fillText(scope: Locator, label: string, value: string) {
	const input = field(scope, label).getByRole('textbox').or(field(scope, label).getByRole('spinbutton')).first();
	await input.click();
	await input.fill(value);
	await input.press('Tab');
}

/** Picks `option` in the dropdown labelled `label`. */
export async function choose(scope: Locator, label: string, option: string) {
	await field(scope, label).getByRole('combobox').first().click();
	await dropdownOption(scope.page(), option).click();
}

/**
 * Opens the dropdown labelled `label`, waits for `expected` among its options (a dropdown whose
 * options n8n loads from the node shows them once loaded), and returns the names it lists; the
 * dropdown is left open, for `pickOption` or Escape.
 */
export async function dropdownOptions(scope: Locator, label: string, expected: string): Promise<string[]> {
	const page = scope.page();
	await field(scope, label).getByRole('combobox').first().click();
	await dropdownOption(page, expected).waitFor();
	// Only the open dropdown's options are visible; their first line is the name.
	const names = await page.getByRole('option').filter({ visible: true }).allInnerTexts();
	return names.map((name) => name.split('\n')[0].trim());
}

/** Picks `option` in the dropdown that is open. */
export async function pickOption(page: Page, option: string) {
	await dropdownOption(page, option).click();
}

/** An open dropdown's option by its name (n8n shows an option's description under its name). */
function dropdownOption(page: Page, name: string): Locator {
	return page.getByRole('option').filter({ has: page.getByText(name, { exact: true }) }).first();
}

/** Adds the field `option` of the collection whose button reads `button` ("Add Field", "Add Filter"). */
export async function addCollectionField(scope: Locator, option: string, button = 'Add Field') {
	await scope.getByRole('combobox', { name: button }).first().click();
	await dropdownOption(scope.page(), option).click();
	await field(scope, option).waitFor();
}

/** A text field by its label, shown on top or added from the collection first. */
export async function setField(scope: Locator, label: string, value: string) {
	if (!(await field(scope, label).isVisible())) await addCollectionField(scope, label);
	await fillText(scope, label, value);
}

/** Picks an entry of a resource locator's "From list" search, typing `search` first if given. */
export async function pickFromList(scope: Locator, label: string, entry: RegExp, search?: string): Promise<string> {
	const page = scope.page();
	await field(scope, label).getByTestId('rlc-input').click();
	if (search !== undefined) await page.getByTestId('rlc-search').fill(search);
	const item = page.getByTestId('rlc-item').filter({ hasText: entry });
	await item.first().waitFor();
	const text = (await item.first().innerText()).trim();
	await item.first().click();
	return text;
}

/** Runs the open node ("Execute step") and returns the item count its output shows. */
export async function executeStep(ndv: Locator): Promise<number> {
	await ndv.getByTestId('node-execute-button').click();
	return await outputItemCount(ndv);
}

/**
 * The items of the last run as the output panel's JSON view shows them (switched to it), read from
 * the view's text: for small outputs, all of which the view has on screen.
 */
export async function outputJson(ndv: Locator): Promise<unknown> {
	const output = ndv.getByTestId('output-panel');
	await output.getByRole('radio', { name: 'JSON' }).click();
	const view = output.getByTestId('ndv-data-container');
	await view.getByTestId('ndv-json-actions').waitFor();
	const text = await view.innerText();
	// One line per key and value; the indents are non-breaking spaces.
	return JSON.parse(text.replace(/\u00a0/g, ' ').replace(/\n/g, ''));
}

/** The "N items" the output panel shows for the last run. */
export async function outputItemCount(ndv: Locator): Promise<number> {
	const count = ndv.getByTestId('output-panel').getByText(/^\s*\d+ items?\s*$/).first();
	await count.waitFor({ timeout: 120_000 });
	return Number(/\d+/.exec(await count.innerText())![0]);
}
