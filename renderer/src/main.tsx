// The app's base styles load first, so each page's own stylesheet (imported by the page) wins.
import './styles/app.css'
import './styles/forms.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App } from './App'

const root = document.getElementById('root')
if (!root) throw new Error('Thiếu phần tử #root trong index.html')

createRoot(root).render(
  <StrictMode>
    <App />
  </StrictMode>
)
