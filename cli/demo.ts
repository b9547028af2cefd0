/** npm run demo: writes the demo district's source files into data/demo/. */
import { DEMO_DIR, generateDemo } from '../data/generate-demo.ts';

const files = await generateDemo();
console.log(`Демонстрационные данные записаны: ${files.length} файлов в ${DEMO_DIR}`);
