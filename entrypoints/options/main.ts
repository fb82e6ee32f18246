import { mountOptions } from '../../src/ui/options';

mountOptions(document.getElementById('app')!).catch((err: unknown) => console.error('nemawashi options:', err));
