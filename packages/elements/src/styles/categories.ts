import { css } from 'lit';

/** The feed categories' icons (`.icon` with the category's class): its colour, on a disc of it (the feed, the settings). */
export const categoryStyles = css`
  .icon {
    display: grid;
    place-items: center;
    flex: none;
    border-radius: 50%;
    background: color-mix(in srgb, currentColor 14%, transparent);
  }
  .collaboration {
    color: var(--_c-collaboration);
  }
  .deadline {
    color: var(--_c-deadline);
  }
  .workflow {
    color: var(--_c-workflow);
  }
  .reminder {
    color: var(--_c-reminder);
  }
  .system {
    color: var(--_c-system);
  }
  .support {
    color: var(--_c-support);
  }
`;
