/*
 * Manage Client Apps: the apps table, register, enable and disable, edit, rotate the secret,
 * delete. A new client secret is shown once in a panel with a Copy button.
 */
(function (ui, tokens) {
    'use strict';

    const appsTable = $('#gp-apps');
    const secretPanel = document.getElementById('gp-secret-panel');
    const registerForm = document.getElementById('gp-register-form');
    const editForm = document.getElementById('gp-edit-form');
    const rotateForm = document.getElementById('gp-rotate-form');
    const registerWindow = ui.dialog('gp-register-dialog');
    const editWindow = ui.dialog('gp-edit-dialog');
    const rotateWindow = ui.dialog('gp-rotate-dialog', {width: 520});
    let editing = null;
    let rotating = null;

    /** @param message for the status line; false keeps the one there */
    async function loadApps(message) {
        const result = await ui.get('apps.json');
        if (!result.ok) {
            ui.status(result.data.message);
            return;
        }
        const apps = result.data.apps;
        document.querySelector('#gp-apps tbody').replaceChildren(...apps.map(appRow));
        document.getElementById('gp-apps-empty').hidden = apps.length > 0;
        appsTable.trigger('update');
        tokens.appsChanged(apps);
        if (message !== false) {
            ui.status(message || apps.length + ' client app(s) registered.');
        }
    }

    function appRow(app) {
        const actions = ui.el('td', {'class': 'gp-actions'}, [
            ui.button('Secret', 'gp-secret', () => tokens.openTokenWindow(app)),
            ui.button('Grants', 'gp-grants', () => tokens.showGrants(app)),
            ui.button('Edit', 'gp-edit', () => openEdit(app))]);
        if (app.type === 'confidential') {
            actions.append(ui.button('Rotate secret', 'gp-rotate', () => openRotate(app)));
        }
        actions.append(ui.button('Delete', 'gp-delete', () => deleteApp(app)));
        const toggle = ui.button(app.enabled ? 'Disable' : 'Enable', 'gp-toggle',
            () => setEnabled(app, !app.enabled));
        return ui.el('tr', {'data-app-id': app.id}, [
            ui.el('td', {'class': 'gp-name', title: app.description || null}, [app.name]),
            ui.el('td', {'class': 'gp-id'}, [app.id]),
            ui.el('td', {}, [app.type]),
            ui.el('td', {'class': 'gp-enabled'}, [ui.el('span', {'class': 'gp-enabled-state'},
                [app.enabled ? 'yes' : 'no']), ' ', toggle]),
            ui.el('td', {}, [ui.time(app.created)]),
            ui.el('td', {}, [ui.time(app.lastUsed)]),
            ui.el('td', {'class': 'gp-live-grants'}, [app.liveGrants]),
            actions]);
    }

    async function setEnabled(app, enabled) {
        const result = await ui.post(enabled ? 'enable' : 'disable', {id: app.id});
        if (!result.ok) {
            ui.status(result.data.message);
            return;
        }
        loadApps('Client app ' + app.id
            + (enabled ? ' enabled.' : ' disabled: its tokens fail until it is enabled.'));
    }

    /** The values of a form's fields, by their data-field names. */
    function fields(form) {
        const values = {};
        form.querySelectorAll('[data-field]').forEach(input => {
            const value = input.type === 'checkbox' ? input.checked : input.value;
            values[input.getAttribute('data-field')] = value;
        });
        return values;
    }

    function openRegister() {
        registerForm.reset();
        ui.clearErrors(registerForm);
        registerWindow.dialog('open');
        document.getElementById('gp-register-id').focus();
    }

    registerForm.addEventListener('submit', async event => {
        event.preventDefault();
        ui.clearErrors(registerForm);
        const result = await ui.post('register', fields(registerForm));
        if (!result.ok) {
            ui.showError(registerForm, result.data);
            return;
        }
        const app = result.data.app;
        registerWindow.dialog('close');
        if (result.data.secret) {
            showSecret('Client secret of ' + app.name + ' (' + app.id + ')', result.data.secret, '');
        }
        loadApps('Client app ' + app.id + ' registered (' + app.type + ', '
            + (app.enabled ? 'enabled' : 'disabled') + ').');
    });

    function openEdit(app) {
        editing = app;
        editForm.reset();
        ui.clearErrors(editForm);
        ui.setText('gp-edit-id', app.id);
        document.getElementById('gp-edit-name').value = app.name;
        document.getElementById('gp-edit-description').value = app.description || '';
        document.getElementById('gp-edit-access-ttl').value = app['access-ttl'] || '';
        document.getElementById('gp-edit-refresh-ttl').value = app['refresh-ttl'] || '';
        editWindow.dialog('option', 'title', 'Edit client app: ' + app.name);
        editWindow.dialog('open');
    }

    editForm.addEventListener('submit', async event => {
        event.preventDefault();
        ui.clearErrors(editForm);
        const result = await ui.post('update', Object.assign({id: editing.id}, fields(editForm)));
        if (!result.ok) {
            ui.showError(editForm, result.data);
            return;
        }
        editWindow.dialog('close');
        loadApps('Client app ' + editing.id + ' saved.');
    });

    function openRotate(app) {
        rotating = app;
        rotateForm.reset();
        ui.clearErrors(rotateForm);
        ui.setText('gp-rotate-text', 'Give ' + app.name + ' (' + app.id + ') a new client secret. The app'
            + ' must then be configured with it.');
        rotateWindow.dialog('open');
    }

    rotateForm.addEventListener('submit', async event => {
        event.preventDefault();
        ui.clearErrors(rotateForm);
        const result = await ui.post('rotate-secret', Object.assign({id: rotating.id}, fields(rotateForm)));
        if (!result.ok) {
            ui.showError(rotateForm, result.data);
            return;
        }
        rotateWindow.dialog('close');
        const until = result.data.previousSecretValidUntil;
        showSecret('New client secret of ' + rotating.name + ' (' + rotating.id + ')', result.data.secret,
            until ? 'The previous secret works until ' + ui.time(until) + '.'
                : 'The previous secret no longer works.');
        loadApps('Client secret of ' + rotating.id + ' rotated.');
    });

    async function deleteApp(app) {
        const grants = await ui.get('grants.json', {app: app.id});
        const live = grants.ok ? grants.data.grants.length : app.liveGrants;
        const done = await ui.confirmThen('Delete client app',
            'Delete client app ' + app.name + ' (' + app.id + ')? ' + live + ' live grant(s) will be revoked:'
                + ' their tokens stop working at once. The id stays reserved.',
            'Delete', () => ui.post('delete', {id: app.id}));
        if (done) {
            loadApps('Client app ' + app.id + ' deleted; ' + done.data.revokedGrants + ' grant(s) revoked.');
        }
    }

    function showSecret(title, secret, grace) {
        ui.setText('gp-secret-title', title);
        ui.setText('gp-secret-value', secret);
        ui.setText('gp-secret-grace', grace);
        ui.clearCopyStatus(secretPanel);
        secretPanel.hidden = false;
        secretPanel.scrollIntoView();
    }

    function forgetSecret() {
        ['gp-secret-title', 'gp-secret-value', 'gp-secret-grace'].forEach(id => ui.setText(id, ''));
        ui.clearCopyStatus(secretPanel);
        secretPanel.hidden = true;
    }

    ui.wireCopyButtons(secretPanel);
    document.getElementById('gp-secret-done').addEventListener('click', forgetSecret);
    document.getElementById('gp-register-open').addEventListener('click', openRegister);
    document.getElementById('gp-reload').addEventListener('click', () => {
        loadApps();
        tokens.loadAudit();
    });
    tokens.onChange(() => loadApps(false));
    if ($.fn.tablesorter) {
        appsTable.tablesorter({headers: {7: {sorter: false}}});
    }

    loadApps();
    tokens.loadAudit();
}(window.GatepassConsole, window.GatepassTokens));
