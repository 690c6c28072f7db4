// Who is signed in (a demo user of the reference server) and the app's last message: state the views share.
import { reactive } from 'vue';

export const USERS = [
  { token: 'demo-alice', name: 'Alice Moreno' },
  { token: 'demo-ben', name: 'Ben Okafor' },
] as const;

export const session = reactive({ token: USERS[0].token as string, message: '' });
