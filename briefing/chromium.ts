/** Where the PDF briefings' Chromium lives (CHROMIUM_PATH, else Debian's), and what to say when it is not there. */
export const chromiumPath = () => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const chromiumMissing = (path: string) =>
  `Для PDF нужен браузер Chromium, а по пути ${path} его нет. Установите его: от root выполните npm run provision (или apt-get install -y chromium), либо укажите путь к Chromium в переменной CHROMIUM_PATH. Справка в DOCX формируется и без него.`;
