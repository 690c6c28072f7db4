/** `<pd-toaster>` and `toast()`: one polite region, stacking, auto-dismiss, pause, keyboard. */
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import sinon from 'sinon';
import '../src/index.js';
import { toast, type PdToaster } from '../src/index.js';
import { eventually, shadow, shadowAll } from './helpers.js';

const messages = (toaster: Element) => shadowAll(toaster, '[part~="message"]').map((p) => p.textContent);
const items = (toaster: Element) => shadowAll(toaster, 'li');

describe('<pd-toaster>', () => {
  afterEach(async () => {
    await resetMouse();
    document.querySelectorAll('pd-toaster').forEach((toaster) => toaster.remove());
  });

  it('shows toasts stacked in one polite region, and each goes after its duration', async () => {
    const toaster = await fixture<PdToaster>(html`<pd-toaster duration="1500"></pd-toaster>`);
    toast('First');
    toast('Second', 'error');
    await eventually(() => expect(messages(toaster)).to.deep.equal(['First', 'Second']));
    expect(shadow(toaster, '[aria-live]').getAttribute('aria-live')).to.equal('polite');
    expect(items(toaster)[1]!.getAttribute('part')).to.contain('toast-error');
    // Checked once the entrance animation is over (mid-fade, contrast is not what the user reads).
    await eventually(() => expect(toaster.shadowRoot!.getAnimations()).to.deep.equal([]));
    await expect(toaster).to.be.accessible();
    await eventually(() => expect(messages(toaster)).to.deep.equal([]));
    expect(document.querySelectorAll('pd-toaster')).to.have.length(1);
  });

  it('is added to the page when a toast comes and there is none', async () => {
    toast('Nobody placed a toaster');
    const toaster = document.querySelector('pd-toaster')!;
    expect(toaster).to.not.equal(null);
    await eventually(() => expect(messages(toaster)).to.deep.equal(['Nobody placed a toaster']));
  });

  it('waits while hovered, however long, and goes once the pointer leaves with the time it had left', async () => {
    const toaster = await fixture<PdToaster>(html`<pd-toaster duration="400"></pd-toaster>`);
    const clock = sinon.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    const after = async (ms: number) => {
      clock.tick(ms);
      await toaster.updateComplete;
    };
    try {
      toast('Hover me');
      await toaster.updateComplete;
      const item = items(toaster)[0]!;
      await after(300);
      const box = item.getBoundingClientRect();
      await sendMouse({ type: 'move', position: [Math.round(box.left + 10), Math.round(box.top + 10)] });
      await after(0);
      expect(item.dataset.paused).to.equal('true');
      await after(60_000);
      expect(messages(toaster)).to.deep.equal(['Hover me']);
      await sendMouse({ type: 'move', position: [0, 0] });
      await after(0);
      expect(item.dataset.paused).to.equal(undefined);
      await after(99);
      expect(messages(toaster), '100 ms were left when the pointer came').to.deep.equal(['Hover me']);
      await after(1);
      expect(messages(toaster)).to.deep.equal([]);
    } finally {
      clock.restore();
    }
  });

  it('closes with its button from the keyboard, and with Escape; waits while focused', async () => {
    const toaster = await fixture<PdToaster>(html`<pd-toaster duration="60000"></pd-toaster>`);
    toast('One');
    toast('Two');
    await eventually(() => expect(messages(toaster)).to.have.length(2));
    const close = shadowAll<HTMLButtonElement>(toaster, '[part="close"]');
    expect(close[0]!.getAttribute('aria-label')).to.equal('Close message');
    close[0]!.focus();
    await eventually(() => expect(items(toaster)[0]!.dataset.paused).to.equal('true'));
    await sendKeys({ press: 'Enter' });
    await eventually(() => expect(messages(toaster)).to.deep.equal(['Two']));
    shadowAll<HTMLButtonElement>(toaster, '[part="close"]')[0]!.focus();
    await sendKeys({ press: 'Escape' });
    await eventually(() => expect(messages(toaster)).to.deep.equal([]));
  });
});
