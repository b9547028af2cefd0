import { mount } from 'svelte';
import App from './App.svelte';
import { preload, preloadIf } from './lib/api/client.ts';
import './styles.css';

// Who is signed in comes first; the district page then needs health and its filters at once.
// Asking before the app mounts saves round trips (an answer refused without a session is asked
// again); the filters are asked only of a role that may see the district.
preload(['/api/session', '/api/health']);
if (location.pathname === '/')
  preloadIf('/api/district/filters', (s) => s.user?.role === 'admin' || s.user?.role === 'analyst');
mount(App, { target: document.getElementById('app')! });
