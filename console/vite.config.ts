import { appConfig } from '../client/vite-app-config.js';

export default appConfig('console');
