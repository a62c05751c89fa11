import { useState } from 'react';
import { FileField } from './FileField.tsx';
import './file-drop-picker.css';

interface FileDropPickerProps {
  label: string;
  hint: string;
  /** The input's accept list, e.g. ".pdf,application/pdf". */
  accept: string;
  onFile: (file: File) => void;
}

/**
 * A file to open: the file input is the way in for everyone (keyboard included); dropping a file on the area
 * around it is a shortcut for mouse users.
 */
export function FileDropPicker({ label, hint, accept, onFile }: FileDropPickerProps) {
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
      <FileField label={label} accept={accept} hint={hint} chosenName={chosen} onChange={(file) => file && take(file)} />
    </div>
  );
}
