// A stale edit: the edit dialog was opened on one version of the entry, someone else saved in between; the save is
// refused (412), the dialog shows what changed and re-applies the person's change on top of the current entry.
import { expect, test } from './fixtures'
import { AccessPage } from './pages/access-page'

const auditor = 'arn:aws:iam::111122223333:role/ReadOnlyAuditor'

for (const colorScheme of ['light', 'dark'] as const) {
  test.describe(`stale edit in ${colorScheme} mode`, () => {
    // The refused save is a 412 the browser logs as a failed resource load: that is the point of the test.
    test.use({ colorScheme, allowConsoleErrors: [/status of 412 \(Precondition Failed\)/] })

    test('shows what changed behind the dialog and re-applies the edit on top of it', async ({
      page,
      signInAs,
    }, testInfo) => {
      await signInAs('editor')
      const access = new AccessPage(page, 'us-west-2', 'prod-web')
      await access.goto()
      await access.editButton('ReadOnlyAuditor').click()
      const dialog = access.dialog()
      const groups = dialog.getByLabel('Kubernetes groups')
      const opened = (await groups.inputValue())
        .split(',')
        .map((g) => g.trim())
        .filter(Boolean)
      const mine = `mine-${colorScheme}`
      const theirs = `theirs-${colorScheme}`
      await groups.fill([...opened, mine].join(', '))

      // Someone else adds a group through the API, with the version they read.
      const detail = await page.request.get(access.apiPath(auditor))
      const current = await detail.json()
      const other = await page.request.patch(access.apiPath(auditor), {
        headers: { 'if-match': detail.headers().etag ?? '' },
        data: { kubernetesGroups: [...current.kubernetesGroups, theirs] },
      })
      expect(other.status()).toBe(200)

      await dialog.getByRole('button', { name: 'Save changes' }).click()
      const stale = dialog.getByRole('alert').filter({ hasText: 'Someone changed this entry since you opened it' })
      await expect(stale).toBeVisible()
      await expect(stale).toContainText(`Groups added meanwhile: ${theirs}.`)
      await expect(stale.getByRole('table')).toContainText(mine)
      await page.screenshot({ path: testInfo.outputPath(`stale-edit-${colorScheme}.png`) })

      await stale.getByRole('button', { name: 'Re-apply my changes' }).click()
      await expect(stale).toHaveCount(0)
      await expect(groups).toHaveValue(new RegExp(`${theirs}.*${mine}`))
      await dialog.getByRole('button', { name: 'Save changes' }).click()
      await expect(dialog).toHaveCount(0)

      const saved = await (await page.request.get(access.apiPath(auditor))).json()
      expect(saved.kubernetesGroups).toEqual(expect.arrayContaining([...opened, theirs, mine]))
      await expect(access.row('ReadOnlyAuditor')).toContainText(theirs)
      await expect(access.row('ReadOnlyAuditor')).toContainText(mine)
    })
  })
}
