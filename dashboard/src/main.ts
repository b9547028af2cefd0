import { mount } from 'svelte';
import App from './App.svelte';
import { preload } from './lib/api/client.ts';
import './styles.css';

// The district page needs both at once; asking before the app mounts saves a round trip.
preload(location.pathname === '/' ? ['/api/health', '/api/district/filters'] : ['/api/health']);
mount(App, { target: document.getElementById('app')! });
