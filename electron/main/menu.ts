/**
 * A short Vietnamese application menu. Electron's default one is in English and offers
 * things a clerk should not need (reload, developer tools); the edit roles stay because
 * they carry the copy/paste shortcuts on macOS.
 */
import { Menu, type MenuItemConstructorOptions } from 'electron'

export function installMenu(dev: boolean): void {
  const view: MenuItemConstructorOptions[] = [
    { role: 'resetZoom', label: 'Cỡ chữ mặc định' },
    { role: 'zoomIn', label: 'Phóng to' },
    { role: 'zoomOut', label: 'Thu nhỏ' },
    { type: 'separator' },
    { role: 'togglefullscreen', label: 'Toàn màn hình' }
  ]
  if (dev) {
    view.push(
      { type: 'separator' },
      { role: 'reload', label: 'Tải lại' },
      { role: 'toggleDevTools', label: 'Công cụ phát triển' }
    )
  }
  const template: MenuItemConstructorOptions[] = [
    { label: 'Tệp', submenu: [{ role: 'quit', label: 'Thoát' }] },
    {
      label: 'Sửa',
      submenu: [
        { role: 'undo', label: 'Hoàn tác' },
        { role: 'redo', label: 'Làm lại' },
        { type: 'separator' },
        { role: 'cut', label: 'Cắt' },
        { role: 'copy', label: 'Sao chép' },
        { role: 'paste', label: 'Dán' },
        { role: 'selectAll', label: 'Chọn tất cả' }
      ]
    },
    { label: 'Xem', submenu: view }
  ]
  Menu.setApplicationMenu(Menu.buildFromTemplate(template))
}
