## El diálogo de autenticación: polkit pide la contraseña de un administrador (la aplicación de configuración es el agente de autenticación de la sesión)

auth-title = Se requiere autenticación
# Quién lo pide: el nombre del programa tal como lo conoce el sistema («ferrum-settings», «pkexec»).
auth-program = Solicitado por { $program }
auth-identity-choice = Autenticarse como
auth-password = Contraseña
# La persona cuya contraseña se pide, por su nombre real.
auth-password-for = Contraseña de { $person }
auth-authenticate = Autenticar
auth-cancel = Cancelar
auth-checking = Comprobando…
auth-wrong-password = No se aceptó esa contraseña. Inténtelo de nuevo.
auth-problem-prompt = El sistema de inicio de sesión pidió algo más que una contraseña, y este diálogo no puede pedirlo. Cancele y use un terminal en su lugar.
auth-problem-line-break = No se puede comprobar una contraseña que contiene un salto de línea.
auth-problem-helper = No se pudo comprobar la contraseña: el programa auxiliar de autenticación del sistema no funcionó. Inténtelo de nuevo o cancele.
