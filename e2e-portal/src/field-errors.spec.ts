import { PHONE, screenshotPath } from './checks';
import { fieldset, fillPerson, startSignedIn } from './citizen';
import { expect, test } from './fixtures';
import { newMobile, residentId } from './platform';
import { LANGUAGES, words } from './words';

/**
 * A problem only the server can find: the resident ID passes the form's checksum and age checks,
 * but that person has already applied to this open day (someone else entered them). The
 * server's field problem (409, applicant.idNumber) is shown beside the ID field, tied to it
 * for screen readers, and the form keeps what was typed.
 */
for (const language of LANGUAGES) {
  test(`a server field error is shown beside its field (${language})`, async ({ page, platform }) => {
    const w = words(language);
    const day = await platform.publishOpenDay(`重复报名检查 ${language}`);
    const idNumber = residentId('1975-08-21');
    // Someone else already applied with this person's ID.
    const other = newMobile();
    await platform.applyByApi(day.openDayId, await platform.citizenToken(other), { name: '赵六', idNumber, mobile: other });

    const me = { name: language === 'en' ? 'Zhao Liu' : '赵六', idNumber, mobile: newMobile() };
    await startSignedIn(page, await platform.citizenSession(me.mobile));
    await page.goto(`/open-days/${day.openDayId}/apply?lang=${language}`);
    const applicant = fieldset(page, w('account.apply.applicant'));
    await fillPerson(applicant, me, w);
    await page.getByRole('checkbox', { name: w('account.apply.privacy.consent') }).check();
    await page.getByRole('button', { name: w('account.apply.submit') }).click();

    const id = applicant.getByLabel(w('account.apply.idNumber'), { exact: true });
    const message = w('account.apply.server.onePerPerson');
    await expect(id).toHaveAttribute('aria-invalid', 'true');
    await expect(id).toHaveAccessibleDescription(new RegExp(message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await expect(id).toBeFocused();
    await expect(id).toHaveValue(idNumber);
    // Beside the field: the message sits right under the ID input, before the next field.
    const error = applicant.getByText(message, { exact: true });
    const [input, text, next] = await Promise.all([id.boundingBox(), error.boundingBox(), applicant.getByLabel(w('account.apply.mobile'), { exact: true }).boundingBox()]);
    expect(text!.y).toBeGreaterThanOrEqual(input!.y + input!.height - 1);
    expect(text!.y).toBeLessThan(next!.y);
    // The other fields are not blamed, and the form says what went wrong as a whole.
    await expect(applicant.getByLabel(w('account.apply.name'), { exact: true })).toHaveAttribute('aria-invalid', 'false');
    await expect(page.getByRole('alert').filter({ hasText: w('problems.types.duplicate-application') })).toBeVisible();
    await page.screenshot({ path: screenshotPath('apply-server-error', PHONE, language), fullPage: true });
  });
}
