import { mountPopup } from '../../src/ui/popup';

mountPopup(document.getElementById('app')!).catch((err: unknown) => console.error('nemawashi popup:', err));
