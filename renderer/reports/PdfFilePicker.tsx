import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FileField } from './FileField.tsx';

interface PdfFilePickerProps {
  onFile: (file: File) => void;
}

/**
 * A PDF to check: the file input is the way in for everyone (keyboard included); dropping a file on the area
 * around it is a shortcut for mouse users.
 */
export function PdfFilePicker({ onFile }: PdfFilePickerProps) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState(false);
  const [chosen, setChosen] = useState<string | null>(null);
  const take = (file: File) => {
    setChosen(file.name);
    onFile(file);
  };
  return (
    <div
      className={dragging ? 'file-drop file-drop--active' : 'file-drop'}
      onDragOver={(event) => {
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={(event) => {
        // Without this the browser (or Electron) would try to open the dropped file in place of the app.
        event.preventDefault();
        setDragging(false);
        const file = event.dataTransfer.files[0];
        if (file) take(file);
      }}
    >
      <FileField
        label={t('reports.verify.file')}
        accept=".pdf,application/pdf"
        hint={t('reports.verify.fileHint')}
        chosenName={chosen}
        onChange={(file) => {
          if (file) take(file);
        }}
      />
    </div>
  );
}
