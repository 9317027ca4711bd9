import { generate } from 'otplib';
import type { MeResponse } from '@parley/contracts';
import { Browsers, screenshot, seriousAxeViolations, webBuildSnapshot } from '../support/browser';
import { newDelegate, newPerson, type SignedIn } from '../support/factories';
import { startTestApp, type TestApp } from '../support/test-app';
import { freshStep, PASSWORD } from '../support/two-factor';
import { insertChairTerm, newWorkingGroup } from '../support/working-group-factories';

jest.setTimeout(120_000);

const codeAt = (secret: string, steps: number) => generate({ secret, epoch: Math.floor(Date.now() / 1000) + steps * 30 });

/**
 * A chair of a group whose chairs must use two-factor authentication (no grace period) is asked to
 * enrol, sets up an authenticator app (the test computes its codes from the key the page shows),
 * signs out, and signs in again in two steps; a wrong code is shown as an error on the field.
 */
describe('two-factor authentication in the browser', () => {
  let t: TestApp;
  let browsers: Browsers;
  let chair: SignedIn;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp({ serveWeb: true, env: { PARLEY_WEB_DIR: await webBuildSnapshot(), PARLEY_TWO_FACTOR_GRACE_DAYS: '0' } });
    await newPerson(t.baseUrl); // the platform's steward
    chair = await newDelegate(t.baseUrl);
    const group = await newWorkingGroup(chair.client);
    groupId = group.id;
    // The session's `me` predates the affiliation: the snapshot is read now.
    await insertChairTerm(t.dataSource, group.id, chair.id, (await chair.client.get<MeResponse>('/api/me')).body.currentSnapshot);
    const set = await chair.client.put(`/api/working-groups/${group.id}/chairs-two-factor`, { required: true });
    if (set.status !== 200) throw new Error(`setting: ${set.status} ${JSON.stringify(set.body)}`);
    browsers = new Browsers(t.baseUrl);
  });
  afterAll(async () => {
    await browsers?.close();
    await t?.close();
  });

  it('a chair enrols, signs out, and signs in again with a code from the app; a wrong code is an error', async () => {
    const page = await browsers.openLoggedIn(chair.email, PASSWORD, { reportPageErrorsAs: 'chair' });
    // The banner asks them to enrol, on every page.
    const banner = page.getByRole('alert').filter({ hasText: 'Turn on two-factor authentication' });
    await banner.waitFor();
    await screenshot(page, 'two-factor-banner.png');
    await banner.getByRole('link', { name: 'Set it up now' }).click();
    await page.waitForURL((u) => u.pathname === '/me/security');

    await page.getByRole('button', { name: 'Set up an authenticator app' }).click();
    const secret = (await page.getByTestId('two-factor-secret').innerText()).replace(/\s/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('link', { name: 'Open in an authenticator app' }).getAttribute('href')).toMatch(/^otpauth:\/\/totp\/Parley:/);
    // The same link as a QR code, named for screen readers.
    expect(await page.getByRole('img', { name: 'QR code for your authenticator app' }).locator('path').count()).toBeGreaterThan(0);
    await screenshot(page, 'two-factor-enrol.png');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'two-factor-enrol-phone.png', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });

    await freshStep();
    await page.getByRole('textbox', { name: 'Code the app shows now' }).fill(await codeAt(secret, 0));
    await page.getByRole('button', { name: 'Turn on' }).click();
    const codes = page.getByTestId('recovery-codes');
    await codes.waitFor();
    expect((await codes.innerText()).split('\n').filter((l) => /^[a-z0-9]{5}-[a-z0-9]{5}$/.test(l.trim()))).toHaveLength(10);
    await page.getByText('Two-factor authentication is on. 10 recovery codes left.').waitFor();
    await screenshot(page, 'two-factor-recovery-codes.png', { fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'two-factor-recovery-codes-phone.png', { fullPage: true });
    await page.setViewportSize({ width: 1280, height: 1000 });

    // Sign out, then in again: the password leads to the second step.
    await page.getByRole('button', { name: new RegExp(`^Account of ${chair.name}`) }).click();
    await page.getByRole('menuitem', { name: 'Log out' }).click();
    await page.locator('header').getByRole('link', { name: 'Log in' }).waitFor();
    await page.goto(`${t.baseUrl}/login`);
    await page.getByRole('textbox', { name: /^E-mail address/ }).fill(chair.email);
    await page.locator('input[type="password"]').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await page.waitForURL((u) => u.pathname === '/login/second-factor');
    const code = page.getByRole('textbox', { name: /^Security code/ });
    expect(await code.getAttribute('autocomplete')).toBe('one-time-code');

    const right = await codeAt(secret, 1);
    await code.fill(String((Number(right) + 500_000) % 1_000_000).padStart(6, '0'));
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.getByText('This is not the code your authenticator app shows.').waitFor();
    expect(await code.getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'two-factor-wrong-code.png');
    expect(await seriousAxeViolations(page)).toEqual([]);
    await page.setViewportSize({ width: 390, height: 844 });
    await screenshot(page, 'two-factor-second-step-phone.png');
    await page.setViewportSize({ width: 1280, height: 1000 });

    await code.fill(right);
    await page.getByRole('button', { name: 'Continue' }).click();
    await page.waitForURL((u) => u.pathname === '/me');
    await page.getByRole('button', { name: new RegExp(`^Account of ${chair.name}`) }).waitFor();
    // Enrolled: no banner any more.
    expect(await page.getByRole('alert').filter({ hasText: 'Turn on two-factor authentication' }).count()).toBe(0);

    // The group's setting, on the chairs' part of its page: on, and the chair (now enrolled) may change it.
    await page.goto(`${t.baseUrl}/working-groups/${groupId}`);
    const setting = page.getByRole('switch', { name: 'Chairs must use two-factor authentication' });
    await setting.waitFor({ state: 'attached' });
    expect(await setting.isChecked()).toBe(true);
    await page.getByText('A chair without it cannot act in this group until they turn it on.').scrollIntoViewIfNeeded();
    await screenshot(page, 'two-factor-group-setting.png');
  });
});
