/*
 * What every part of the Client Apps tab uses: requests to the plugin, building DOM from data
 * (always as text, never as markup), errors next to form fields, the clipboard, confirmations.
 * Plain browser JavaScript, no build step; jQuery UI only for the console's dialog widget.
 */
window.GatepassConsole = (function () {
    'use strict';

    const root = document.getElementById('gatepass');
    const pluginRoot = root.getAttribute('data-plugin-root');
    const csrfToken = root.getAttribute('data-csrf');

    /** Creates an element; children that are not nodes become text nodes. */
    function el(tag, attributes, children) {
        const element = document.createElement(tag);
        Object.entries(attributes || {}).forEach(([name, value]) => {
            if (value !== null && value !== undefined && value !== false) {
                element.setAttribute(name, value === true ? '' : String(value));
            }
        });
        (children || []).forEach(child => element.append(
            child instanceof Node ? child : document.createTextNode(child === null ? '' : String(child))));
        return element;
    }

    function button(label, className, onClick) {
        const element = el('button',
            {type: 'button', 'class': 'ui-button ui-corner-all ui-widget ' + className}, [label]);
        element.addEventListener('click', onClick);
        return element;
    }

    function setText(id, value) {
        document.getElementById(id).textContent = value === null || value === undefined ? '' : String(value);
    }

    /** 2026-12-03T15:02:16.123Z as 2026-12-03 15:02:16Z, as the shell prints times. */
    function time(iso, none) {
        return iso ? iso.replace('T', ' ').replace(/\.\d+Z$/, 'Z') : (none || 'never');
    }

    function status(message) {
        setText('gp-status', message);
    }

    async function answer(response) {
        let data;
        try {
            data = await response.json();
        } catch (notJson) {
            data = {message: 'The server answered ' + response.status + ' without details.', field: null};
        }
        return {ok: response.ok, status: response.status, data: data};
    }

    /** GET of a data path, e.g. get('grants.json', {app: 'sdx-prod'}). */
    async function get(path, parameters) {
        const query = parameters ? '?' + new URLSearchParams(parameters) : '';
        return send(pluginRoot + '/' + path + query,
            {credentials: 'same-origin', cache: 'no-store', headers: {'Accept': 'application/json'}});
    }

    /** POST of an action with the session's CSRF token; the body never goes into the URL. */
    async function post(action, body) {
        return send(pluginRoot + '/' + action + '.json', {
            method: 'POST',
            credentials: 'same-origin',
            cache: 'no-store',
            headers: {
                'Content-Type': 'application/json',
                'Accept': 'application/json',
                'X-Gatepass-Csrf': csrfToken
            },
            body: JSON.stringify(body)
        });
    }

    /** @return the answer; a failure to reach the server is an answer too, never an exception */
    async function send(url, options) {
        try {
            return await answer(await fetch(url, options));
        } catch (unreachable) {
            const message = 'The server could not be reached: ' + unreachable.message;
            return {ok: false, status: 0, data: {message: message, field: null}};
        }
    }

    function clearErrors(form) {
        form.querySelectorAll('[data-error-for]').forEach(slot => { slot.textContent = ''; });
        form.querySelectorAll('.ui-state-error').forEach(input => input.classList.remove('ui-state-error'));
    }

    /** Shows the message next to the field it names, or at the top of the form. */
    function showError(form, data) {
        const field = data.field || '';
        const slots = Array.from(form.querySelectorAll('[data-error-for]'));
        const slot = slots.find(candidate => candidate.getAttribute('data-error-for') === field)
            || slots.find(candidate => candidate.getAttribute('data-error-for') === '');
        slot.textContent = data.message || 'The request failed.';
        const input = Array.from(form.querySelectorAll('[data-field]'))
            .find(candidate => candidate.getAttribute('data-field') === field);
        if (input) {
            input.classList.add('ui-state-error');
            input.focus();
        }
    }

    /** Copies through the Clipboard API in a secure context, else through a hidden text area. */
    async function copy(text) {
        if (window.isSecureContext && navigator.clipboard && navigator.clipboard.writeText) {
            try {
                await navigator.clipboard.writeText(text);
                return true;
            } catch (refused) {
                // The browser refused (no permission, no focus): try the older way.
            }
        }
        const area = el('textarea', {readonly: true, 'aria-hidden': 'true', 'class': 'gp-copy-area'});
        area.style.position = 'fixed';
        area.style.left = '-10000px';
        area.value = text;
        document.body.append(area);
        area.select();
        try {
            return document.execCommand('copy');
        } catch (unsupported) {
            return false;
        } finally {
            area.value = '';
            area.remove();
        }
    }

    /** Wires every Copy button inside the container to the text of the element it names. */
    function wireCopyButtons(container) {
        container.querySelectorAll('.gp-copy').forEach(copyButton => {
            copyButton.addEventListener('click', async () => {
                const source = document.getElementById(copyButton.getAttribute('data-copy-from'));
                const feedback = copyButton.parentElement.querySelector('.gp-copy-status');
                const copied = await copy(source.textContent);
                feedback.textContent = copied
                    ? 'Copied.'
                    : 'Could not copy: select the text and copy it by hand.';
            });
        });
    }

    function clearCopyStatus(container) {
        container.querySelectorAll('.gp-copy-status').forEach(feedback => { feedback.textContent = ''; });
    }

    function dialog(id, options) {
        return $('#' + id).dialog(Object.assign({autoOpen: false, modal: true, width: 620}, options || {}));
    }

    const confirmWindow = dialog('gp-confirm-dialog', {width: 520});

    /**
     * Asks before an action; the action runs while the window is open, and its error is shown
     * in the window.
     *
     * @param act an async function returning an answer of post()
     * @return a promise of the answer, or null if the administrator cancelled
     */
    function confirmThen(title, message, actionLabel, act) {
        return new Promise(resolve => {
            setText('gp-confirm-text', message);
            setText('gp-confirm-error', '');
            confirmWindow.dialog('option', 'title', title);
            confirmWindow.dialog('option', 'buttons', [
                {text: actionLabel, id: 'gp-confirm-yes', click: async () => {
                    const result = await act();
                    if (result.ok) {
                        resolve(result);
                        confirmWindow.dialog('close');
                    } else {
                        setText('gp-confirm-error', result.data.message);
                    }
                }},
                {text: 'Cancel', id: 'gp-confirm-no', click: () => confirmWindow.dialog('close')}
            ]);
            confirmWindow.off('dialogclose').on('dialogclose', () => resolve(null));
            confirmWindow.dialog('open');
        });
    }

    return {
        el: el,
        button: button,
        setText: setText,
        time: time,
        status: status,
        get: get,
        post: post,
        clearErrors: clearErrors,
        showError: showError,
        copy: copy,
        wireCopyButtons: wireCopyButtons,
        clearCopyStatus: clearCopyStatus,
        dialog: dialog,
        confirmThen: confirmThen
    };
}());
