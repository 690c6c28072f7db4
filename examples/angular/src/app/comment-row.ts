// A comment's row content, the app's own (App's renderRow puts it in the feed's row). The feed's rows live
// in its shadow root, where the page's styles do not reach: this component brings its styles in a shadow
// root of its own (ViewEncapsulation.ShadowDom; Angular's <style> there carries the page's nonce).
import { ChangeDetectionStrategy, Component, computed, input, output, ViewEncapsulation } from '@angular/core';
import type { Notification } from '@pd-notify/elements';

@Component({
  selector: 'pd-comment-row',
  encapsulation: ViewEncapsulation.ShadowDom,
  changeDetection: ChangeDetectionStrategy.OnPush,
  template: `
    <div class="comment-row">
      <strong>{{ name() }}</strong> commented {{ when() }}
      <blockquote>{{ notification().message }}</blockquote>
      <button type="button" (click)="$event.stopPropagation(); reply.emit(name())">Reply</button>
    </div>
  `,
  styles: `
    blockquote {
      margin: 0.25rem 0 0;
      font-style: italic;
    }
  `,
})
export class CommentRow {
  readonly notification = input.required<Notification>();
  readonly when = input.required<string>();
  readonly reply = output<string>();
  protected readonly name = computed(() => this.notification().actor?.name ?? 'Someone');
}
