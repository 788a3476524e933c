/*
 * The token window ("Generate Application tokens: <app>"), the grants of one app, and the audit.
 * The password typed here goes only into the body of one POST and is cleared from its field
 * whatever the answer; the tokens are shown once and forgotten when the window closes.
 */
window.GatepassTokens = (function (ui) {
    'use strict';

    let changed = () => {};
    let tokenAppId = null;
    let grantsApp = null;

    const tokenForm = document.getElementById('gp-token-form');
    const tokenResult = document.getElementById('gp-token-result');
    const passwordInput = document.getElementById('gp-token-password');
    const tokenWindow = ui.dialog('gp-token-dialog', {close: forgetTokens});
    const grantsSection = document.getElementById('gp-grants-section');
    const includeEnded = document.getElementById('gp-grants-all');
    ui.wireCopyButtons(tokenResult);

    function openTokenWindow(app) {
        forgetTokens();
        tokenAppId = app.id;
        ui.setText('gp-token-app', app.name + ' (' + app.id + ')');
        tokenWindow.dialog('option', 'title', 'Generate Application tokens: ' + app.name);
        tokenWindow.dialog('open');
        document.getElementById('gp-token-username').focus();
    }

    /** Nothing of a generated pair stays in the page once the window closes. */
    function forgetTokens() {
        ['gp-access-token', 'gp-refresh-token', 'gp-access-expires', 'gp-refresh-expires', 'gp-token-who']
            .forEach(id => ui.setText(id, ''));
        ui.clearCopyStatus(tokenResult);
        tokenResult.hidden = true;
        tokenForm.hidden = false;
        tokenForm.reset();
        passwordInput.value = '';
        ui.clearErrors(tokenForm);
    }

    tokenForm.addEventListener('submit', async event => {
        event.preventDefault();
        ui.clearErrors(tokenForm);
        const submit = document.getElementById('gp-token-submit');
        submit.disabled = true;
        let result;
        try {
            result = await ui.post('generate-tokens', {
                appId: tokenAppId,
                username: document.getElementById('gp-token-username').value,
                password: passwordInput.value,
                roles: document.getElementById('gp-token-roles').value.split(',')
                    .map(role => role.trim()).filter(role => role.length > 0)
            });
        } finally {
            passwordInput.value = '';
            submit.disabled = false;
        }
        if (!result.ok) {
            ui.showError(tokenForm, result.data);
            return;
        }

        const pair = result.data;
        ui.setText('gp-access-token', pair.accessToken);
        ui.setText('gp-refresh-token', pair.refreshToken);
        ui.setText('gp-access-expires', ui.time(pair.accessExpires));
        ui.setText('gp-refresh-expires', ui.time(pair.refreshExpires, 'never (unless unused too long)'));
        ui.setText('gp-token-who', 'Grant ' + pair.grantId + ': app ' + pair.appId + ' acting as user '
            + pair.username + ' with roles ' + (pair.roles.length ? pair.roles.join(', ') : '(none)') + '.');
        tokenForm.hidden = true;
        tokenResult.hidden = false;
        ui.status('Tokens generated for app ' + pair.appId + ' as user ' + pair.username + ' (grant '
            + pair.grantId + ').');
        afterChange();
    });

    function showGrants(app) {
        grantsApp = app;
        ui.setText('gp-grants-title', 'Grants of ' + app.name + ' (' + app.id + ')');
        grantsSection.hidden = false;
        loadGrants();
        grantsSection.scrollIntoView();
    }

    async function loadGrants() {
        if (!grantsApp) {
            return;
        }
        const parameters = {app: grantsApp.id};
        if (includeEnded.checked) {
            parameters.all = 'true';
        }
        const result = await ui.get('grants.json', parameters);
        if (!result.ok) {
            ui.status(result.data.message);
            return;
        }
        const rows = result.data.grants.map(grantRow);
        document.querySelector('#gp-grants tbody').replaceChildren(...rows);
        document.getElementById('gp-grants-empty').hidden = rows.length > 0;
    }

    function grantRow(grant) {
        const actions = ui.el('td', {'class': 'gp-actions'});
        if (grant.status !== 'revoked' && grant.status !== 'expired') {
            actions.append(ui.button('Revoke', 'gp-revoke-grant', () => revokeGrant(grant)));
        }
        actions.append(ui.button('Revoke all of this user', 'gp-revoke-user',
            () => revokeUser(grant.username)));
        return ui.el('tr', {'data-grant-id': grant.grantId}, [
            ui.el('td', {}, [grant.username]),
            ui.el('td', {}, [grant.roles.join(', ')]),
            ui.el('td', {}, [ui.time(grant.created)]),
            ui.el('td', {}, [ui.time(grant.lastUsed)]),
            ui.el('td', {}, [ui.time(grant.accessExpires)]),
            ui.el('td', {}, [ui.time(grant.refreshExpires)]),
            ui.el('td', {'class': 'gp-grant-status'}, [grant.status]),
            actions]);
    }

    async function revokeGrant(grant) {
        const done = await ui.confirmThen('Revoke grant',
            'Revoke grant ' + grant.grantId + ' of user \'' + grant.username + '\'? Its access and refresh'
                + ' tokens stop working at once.',
            'Revoke', () => ui.post('revoke-grant', {grantId: grant.grantId}));
        if (done) {
            ui.status(done.data.revoked ? 'Grant ' + grant.grantId + ' revoked.'
                : 'Grant ' + grant.grantId + ' had already ended.');
            afterChange();
        }
    }

    async function revokeApp() {
        const app = grantsApp;
        const done = await ui.confirmThen('Revoke all grants of the app',
            'Revoke every live grant of app \'' + app.name + '\' (' + app.id + ')? All its tokens stop'
                + ' working at once; the app stays registered.',
            'Revoke all', () => ui.post('revoke-app', {id: app.id}));
        if (done) {
            ui.status(done.data.revokedGrants + ' grant(s) of app ' + app.id + ' revoked.');
            afterChange();
        }
    }

    async function revokeUser(username) {
        const done = await ui.confirmThen('Revoke all grants of the user',
            'Revoke every live grant acting as user \'' + username + '\', in every app? All those tokens stop'
                + ' working at once.',
            'Revoke all', () => ui.post('revoke-user', {username: username}));
        if (done) {
            ui.status(done.data.revokedGrants + ' grant(s) acting as user ' + username + ' revoked.');
            afterChange();
        }
    }

    function afterChange() {
        loadGrants();
        loadAudit();
        changed();
    }

    async function loadAudit() {
        const parameters = {};
        const app = document.getElementById('gp-audit-app').value;
        const user = document.getElementById('gp-audit-user').value.trim();
        if (app) {
            parameters.app = app;
        }
        if (user) {
            parameters.user = user;
        }
        const result = await ui.get('audit.json', parameters);
        if (!result.ok) {
            ui.status(result.data.message);
            return;
        }
        const rows = result.data.entries.map(entry => ui.el('tr', {}, [
            ui.el('td', {}, [ui.time(entry.time)]),
            ui.el('td', {}, [entry.event]),
            ui.el('td', {}, [entry.appId]),
            ui.el('td', {}, [entry.username]),
            ui.el('td', {}, [entry.grantId]),
            ui.el('td', {}, [entry.source]),
            ui.el('td', {}, [entry.detail])]));
        document.querySelector('#gp-audit tbody').replaceChildren(...rows);
        document.getElementById('gp-audit-empty').hidden = rows.length > 0;
    }

    /** Keeps the app filter of the audit and the grants section in step with the apps table. */
    function appsChanged(apps) {
        const select = document.getElementById('gp-audit-app');
        const chosen = select.value;
        select.replaceChildren(ui.el('option', {value: ''}, ['all apps']),
            ...apps.map(app => ui.el('option', {value: app.id}, [app.name + ' (' + app.id + ')'])));
        select.value = apps.some(app => app.id === chosen) ? chosen : '';
        if (grantsApp && !apps.some(app => app.id === grantsApp.id)) {
            closeGrants();
        }
    }

    function closeGrants() {
        grantsApp = null;
        grantsSection.hidden = true;
        document.querySelector('#gp-grants tbody').replaceChildren();
    }

    document.getElementById('gp-grants-revoke-app').addEventListener('click', revokeApp);
    document.getElementById('gp-grants-close').addEventListener('click', closeGrants);
    includeEnded.addEventListener('change', loadGrants);
    document.getElementById('gp-audit-form').addEventListener('submit', event => {
        event.preventDefault();
        loadAudit();
    });

    return {
        openTokenWindow: openTokenWindow,
        showGrants: showGrants,
        loadAudit: loadAudit,
        appsChanged: appsChanged,
        onChange: listener => { changed = listener; }
    };
}(window.GatepassConsole));
