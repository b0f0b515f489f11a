// What a user does in n8n's editor, by what they see: labels, roles, and n8n's own data-test-id
// attributes; never CSS layout or the node's internal parameter names.
import { errors, type Locator, type Page } from 'playwright-core';

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
	await pickPanelEntry(page.getByTestId('node-creator'), 'Trigger manually', 'manual');
	await page.getByTestId('canvas-node').first().waitFor();
	await page.getByTestId('node-creator').waitFor({ state: 'hidden' });
}

/** The node panel, searched for Hellotext, with the Hellotext node's actions listed. */
export async function openHellotextActions(page: Page): Promise<Locator> {
	await page.getByRole('button', { name: 'Open nodes panel' }).click();
	const panel = page.getByTestId('node-creator');
	await pickPanelEntry(panel, 'Hellotext', 'Hellotext');
	// In an empty workflow the panel offers triggers first, the actions folded under "Actions (n)".
	const actions = panel.getByTestId('node-creator-category-item').filter({ hasText: /^\s*Actions \(\d+\)/ });
	await actions.waitFor();
	const folded = panel.locator('[data-category-collapsed="true"]').filter({ has: actions });
	if (await folded.count()) await actions.click();
	await panel.getByTestId('node-creator-item-name').filter({ hasText: /^\s*Create a profile\s*$/ }).waitFor();
	return panel;
}

/**
 * Clicks the node panel's entry named `name`, after typing `search` into the panel's search if
 * given. The panel slides in and re-renders its list while a search settles; on a loaded CI machine
 * a click once kept finding the entry moving or replaced until it timed out (60 s of "element is not
 * stable" / "detached"). So a click that could not happen within 15 s is tried again from a fresh
 * search, as a user would retype; any other failure, or a third timeout, fails the step.
 */
export async function pickPanelEntry(panel: Locator, name: string, search?: string) {
	const page = panel.page();
	// The entry as n8n's own editor tests click it: the whole row, found by its exact name.
	const entry = panel
		.getByTestId('item-iterator-item')
		.filter({ has: page.getByTestId('node-creator-item-name').getByText(name, { exact: true }) })
		.first();
	for (let attempt = 1; ; attempt++) {
		if (search !== undefined) await panel.getByTestId('node-creator-search-bar').fill(search);
		try {
			await entry.click({ timeout: 15_000 });
			return;
		} catch (error) {
			if (!(error instanceof errors.TimeoutError) || attempt === 3) throw error;
			await page.mouse.move(0, 0);
		}
	}
}

/** Adds the Hellotext node for one action ("Create a profile") and returns its open details view. */
export async function addHellotextAction(page: Page, action: string): Promise<Locator> {
	const panel = await openHellotextActions(page);
	await pickPanelEntry(panel, action);
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

/** The "N items" the output panel shows for the last run. */
export async function outputItemCount(ndv: Locator): Promise<number> {
	const count = ndv.getByTestId('output-panel').getByText(/^\s*\d+ items?\s*$/).first();
	await count.waitFor({ timeout: 120_000 });
	return Number(/\d+/.exec(await count.innerText())![0]);
}
